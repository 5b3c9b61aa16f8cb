/**
 * Applying a shipped model: {@link com.pretadepenser.creditdesk.engine.scoring.ScoringModel} loads a
 * model folder (checking its hash and that the data carries every feature it needs), computes
 * features through the one pipeline and returns probabilities and decisions.
 */
package com.pretadepenser.creditdesk.engine.scoring;
