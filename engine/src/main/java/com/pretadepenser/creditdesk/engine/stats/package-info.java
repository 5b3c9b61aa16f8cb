/**
 * The statistics of CreditDesk in one class, {@link com.pretadepenser.creditdesk.engine.stats.Statistics}:
 * ROC AUC, quantiles (interpolated and nearest-rank), Kolmogorov-Smirnov statistic and p-value,
 * means, standard deviations and correlations, on Apache Commons Math where it has them.
 */
package com.pretadepenser.creditdesk.engine.stats;
