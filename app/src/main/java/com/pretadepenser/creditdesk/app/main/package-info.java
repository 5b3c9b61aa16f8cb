/**
 * The window's shared state (workspace, client on screen, peers, recent clients, status and progress) and the main view that lays out the menu, search, client card, tabs and status bar.
 */
package com.pretadepenser.creditdesk.app.main;
