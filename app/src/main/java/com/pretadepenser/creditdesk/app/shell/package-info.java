/**
 * The main window's services to the screens it holds ({@link com.pretadepenser.creditdesk.app.shell.Shell}):
 * the screens depend on this interface, the main window implements it, and no package cycle forms.
 */
package com.pretadepenser.creditdesk.app.shell;
