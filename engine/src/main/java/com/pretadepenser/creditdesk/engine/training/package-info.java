/**
 * Training: stratified cross-validation with early stopping, the class-imbalance comparison, the
 * settings search, and the model folder written with its card. Talks to LightGBM only through
 * {@link com.pretadepenser.creditdesk.engine.lightgbm}; metrics and the business-cost threshold come
 * from {@link com.pretadepenser.creditdesk.engine.evaluation}.
 */
package com.pretadepenser.creditdesk.engine.training;
