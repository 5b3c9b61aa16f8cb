/**
 * Explanations a person can read: features grouped into families (external scores, age,
 * employment, income and loan burden, ...), French and English labels, values in human units, and
 * the principal reasons of a decision as sentences an officer can read to the client.
 */
package com.pretadepenser.creditdesk.engine.explain;
