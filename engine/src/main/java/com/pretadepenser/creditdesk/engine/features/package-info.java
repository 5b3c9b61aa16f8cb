/**
 * Feature engineering over the seven Home Credit tables, in the spirit of the public Kaggle kernel
 * that {@code ../shared/reference/kernel_features.py} reproduces: application ratios and
 * categories, and per-client aggregates of bureau (+ bureau_balance), previous applications,
 * POS_CASH, instalments and credit cards. Columnar throughout: no per-row objects.
 *
 * <p>One code path for everything: {@link com.pretadepenser.creditdesk.engine.features.FeaturePipeline#compute}
 * takes any number of application rows (all of a dataset for training and batch scoring, one
 * edited row for the screen's what-if) and the client histories indexed by
 * {@link com.pretadepenser.creditdesk.engine.features.ClientHistory}.
 */
package com.pretadepenser.creditdesk.engine.features;
