package com.pretadepenser.creditdesk.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the model was made: the data it learned from, traceable to its files (the provenance), the
 * class-imbalance treatment kept, the settings search ({@code tuning}, null when training was told
 * not to tune, and in a version 1 card) and the cross-validation.
 */
public record TrainingDetails(
        @JsonProperty("training-data") ModelCard.TrainingData trainingData,
        @JsonProperty("imbalance") ModelCard.ImbalanceChoice imbalance,
        @JsonProperty("tuning") ModelCard.Tuning tuning,
        @JsonProperty("cross-validation") ModelCard.CrossValidationSummary crossValidation) {
}
