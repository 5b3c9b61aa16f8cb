/**
 * The client on screen and the client card: key facts in human units, grouped in sections.
 */
package com.pretadepenser.creditdesk.app.client;
