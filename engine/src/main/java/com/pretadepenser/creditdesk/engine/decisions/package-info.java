/**
 * Decisions on record: the officer's final decision on a client or a new application (the
 * model's confirmed, or overridden with a written reason), kept in a tamper-evident, append-only
 * log ({@link DecisionLog}: JSON lines, each holding the SHA-256 of the one before).
 */
package com.pretadepenser.creditdesk.engine.decisions;
