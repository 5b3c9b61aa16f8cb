package com.pretadepenser.creditdesk.engine.cli;
public class CreditDeskCli { public static void main(String[] a) {} }
