package com.pretadepenser.creditdesk.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the model was made: the data it learned from, traceable to its files (the provenance), the
 * class-imbalance treatment kept, the settings search ({@code tuning}, null when training was told
 * not to tune, and in a version 1 card), the cross-validation, and, for a model trained by several
 * workers, the workers and their shards ({@code distributed}, left out of the card of a model
 * trained in one process, and absent from cards before version 5).
 */
public record TrainingDetails(
        @JsonProperty("training-data") ModelCard.TrainingData trainingData,
        @JsonProperty("imbalance") ModelCard.ImbalanceChoice imbalance,
        @JsonProperty("tuning") ModelCard.Tuning tuning,
        @JsonProperty("cross-validation") ModelCard.CrossValidationSummary crossValidation,
        @JsonProperty("distributed") @JsonInclude(JsonInclude.Include.NON_NULL) ModelCard.DistributedTraining distributed) {

    /** A model trained in one process. */
    public TrainingDetails(ModelCard.TrainingData trainingData, ModelCard.ImbalanceChoice imbalance, ModelCard.Tuning tuning,
                           ModelCard.CrossValidationSummary crossValidation) {
        this(trainingData, imbalance, tuning, crossValidation, null);
    }
}
