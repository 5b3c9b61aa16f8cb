/**
 * How a client compares with others: peer groups (all clients, repayers, defaulters, a segment of
 * clients sharing chosen attributes, the nearest neighbours in the model's most important
 * features) and, for any feature, the group's distribution with the client placed in it.
 */
package com.pretadepenser.creditdesk.engine.peers;
