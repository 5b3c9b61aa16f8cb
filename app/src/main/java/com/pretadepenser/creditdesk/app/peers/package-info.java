/**
 * The peers tab: a group (all, similar, a segment, repayers against defaulters), a feature's distribution per group with the client placed in it, and a scatter of two features.
 */
package com.pretadepenser.creditdesk.app.peers;
