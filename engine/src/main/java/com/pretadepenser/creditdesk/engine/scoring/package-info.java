/**
 * One client through a loaded model ({@link com.pretadepenser.creditdesk.engine.model.ScoringModel}):
 * {@link com.pretadepenser.creditdesk.engine.scoring.ClientScorer} gives the probability, the
 * decision against the threshold and each feature's contribution; a new application typed by an
 * officer ({@link com.pretadepenser.creditdesk.engine.scoring.ApplicationForm}); the counterfactual
 * search; the gauge's scale and risk bands.
 */
package com.pretadepenser.creditdesk.engine.scoring;
