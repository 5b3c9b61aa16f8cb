/**
 * Training: stratified cross-validation with early stopping, the class-imbalance comparison, the
 * business-cost threshold, evaluation metrics, and the model artifact with its model card. Talks
 * to LightGBM only through {@link com.pretadepenser.creditdesk.engine.model}.
 */
package com.pretadepenser.creditdesk.engine.training;
