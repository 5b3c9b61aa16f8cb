/**
 * The client search: type-ahead over every client id (ControlsFX), Enter loads, a message for a bad id.
 */
package com.pretadepenser.creditdesk.app.search;
