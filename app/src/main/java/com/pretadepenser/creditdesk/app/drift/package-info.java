/**
 * The drift screen: a batch of applicants (the dataset's test applicants, or another dataset)
 * against the open dataset's train applicants, through the engine's
 * {@link com.pretadepenser.creditdesk.engine.monitoring.DriftComparison}: the verdict, the features
 * most drifted, and for a chosen feature the two distributions overlaid.
 */
package com.pretadepenser.creditdesk.app.drift;
