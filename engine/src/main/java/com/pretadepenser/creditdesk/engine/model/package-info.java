/**
 * A trained model as a folder and as an object: {@link com.pretadepenser.creditdesk.engine.model.ModelArtifact}
 * writes and reads the folder (model text, card, hashes),
 * {@link com.pretadepenser.creditdesk.engine.model.ModelCard} is its provenance and metrics in four parts
 * ({@code ModelDetails}, {@code TrainingDetails}, {@code Evaluation}, {@code UsageDetails}; every earlier
 * schema version read by {@code ModelCardJson}), and
 * {@link com.pretadepenser.creditdesk.engine.model.ScoringModel} is the loaded model ready to score
 * (checking its hash and that the data carries every feature it needs).
 */
package com.pretadepenser.creditdesk.engine.model;
