/**
 * The CreditDesk dashboard: {@link com.pretadepenser.creditdesk.app.Launcher} starts {@link com.pretadepenser.creditdesk.app.CreditDeskApp}, which wires the ViewModels (state, engine calls through a task executor) to the views (JavaFX nodes that only bind). One sub-package per screen or concern.
 */
package com.pretadepenser.creditdesk.app;
