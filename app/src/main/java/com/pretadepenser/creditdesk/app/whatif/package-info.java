/**
 * The what-if tab: the client's application fields, editable, rescored live through the engine's one feature path, with the smallest change that grants.
 */
package com.pretadepenser.creditdesk.app.whatif;
