/**
 * A LightGBM model's trees evaluated in Java, without the native library:
 * {@link com.pretadepenser.creditdesk.engine.trees.TreeEnsemble} (raw scores over feature columns),
 * read from the model text by {@code TreeModelParser}, explained by
 * {@link com.pretadepenser.creditdesk.engine.trees.TreeShap}, and checked against LightGBM's own
 * contributions by {@link com.pretadepenser.creditdesk.engine.trees.LightGbmAgreement} before use
 * (those LightGBM computed when the model was written, kept beside it as a
 * {@link com.pretadepenser.creditdesk.engine.trees.ContributionReference}, or LightGBM itself).
 */
package com.pretadepenser.creditdesk.engine.trees;
