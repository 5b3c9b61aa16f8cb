/**
 * The documentation commands: screenshots of every screen and the screen-speed benchmark, driven from a helper thread.
 */
package com.pretadepenser.creditdesk.app.bench;
