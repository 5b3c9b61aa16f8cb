/**
 * Scoring every applicant of a dataset into a CSV file, in chunks, with progress and cancellation:
 * the {@code score} command and the dashboard's export share it.
 */
package com.pretadepenser.creditdesk.engine.batch;
