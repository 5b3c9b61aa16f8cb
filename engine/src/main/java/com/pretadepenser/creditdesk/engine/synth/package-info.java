/**
 * The synthetic generator: all seven Home Credit tables, every Kaggle column, at any size, from a
 * seed. Marginals come from a {@link com.pretadepenser.creditdesk.engine.synth.HomeCreditProfile}
 * (quantiles, missing rates and category frequencies measured on the genuine sample, never its
 * rows); joint structure from a few latent client traits and explicit business rules; the label
 * from a documented {@link com.pretadepenser.creditdesk.engine.synth.RiskModel} whose true
 * probabilities are written beside the data.
 */
package com.pretadepenser.creditdesk.engine.synth;
