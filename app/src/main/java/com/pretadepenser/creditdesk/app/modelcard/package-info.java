/**
 * The model page: what the model card says, with its ROC, cost and calibration curves and the confusion matrix at the threshold.
 */
package com.pretadepenser.creditdesk.app.modelcard;
