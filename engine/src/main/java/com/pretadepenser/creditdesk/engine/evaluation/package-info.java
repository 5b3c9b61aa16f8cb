/**
 * How good a model's probabilities are: {@link com.pretadepenser.creditdesk.engine.evaluation.Metrics}
 * (AUC, confusion at a threshold, ROC, calibration) and
 * {@link com.pretadepenser.creditdesk.engine.evaluation.BusinessCost} (the cost of a missed default
 * against a refused good client, and the threshold that minimises it). Used by training, by
 * {@code evaluate} and recorded in the model card.
 */
package com.pretadepenser.creditdesk.engine.evaluation;
