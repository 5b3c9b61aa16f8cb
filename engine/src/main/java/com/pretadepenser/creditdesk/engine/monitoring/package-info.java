/**
 * Watching a model in use: how far today's applicants have drifted from those it was trained on
 * ({@link com.pretadepenser.creditdesk.engine.monitoring.DriftAnalysis}: the population stability
 * index on the reference's deciles or levels, the two-sample Kolmogorov-Smirnov test, the score's
 * own stability, features ranked by drift weighted by the model's importance).
 */
package com.pretadepenser.creditdesk.engine.monitoring;
