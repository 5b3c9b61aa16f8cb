package com.pretadepenser.creditdesk.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads a model card of any schema version this CreditDesk knows: version 3 and later as they are
 * (by {@link ModelCardReader}, else by data binding), versions 1 and 2 (one flat object; 1 has no
 * {@code tuning}) into the four parts. A card read from an older
 * version is, once read, a card of the current version: written again, it is written as one.
 */
final class ModelCardJson {
    private ModelCardJson() {
    }

    /** Thrown for a card newer than this CreditDesk reads. */
    static final class TooNewException extends Exception {
        private static final long serialVersionUID = 1L;
        final int version;

        TooNewException(int version) {
            super("model-card format " + version);
            this.version = version;
        }
    }

    static ModelCard read(ObjectMapper json, java.io.File file) throws IOException, TooNewException {
        JsonNode tree = json.readTree(file);
        if (tree == null || !tree.isObject()) {
            throw new IOException("not a JSON object");
        }
        int version = tree.path("schema-version").asInt(1);
        if (version > ModelCard.SCHEMA_VERSION) {
            throw new TooNewException(version);
        }
        if (version < 3) {
            return json.treeToValue(tree, FlatCard.class).toCard();
        }
        try {
            return ModelCardReader.read(tree);
        } catch (RuntimeException unexpected) {
            // Hand-read cards are the ones CreditDesk writes; any other, data binding reads or explains.
            return json.treeToValue(tree, ModelCard.class);
        }
    }

    /** The card of schema versions 1 and 2: every field at the top level. */
    record FlatCard(
            @JsonProperty("schema-version") int schemaVersion,
            @JsonProperty("name") String name,
            @JsonProperty("trained-at") String trainedAt,
            @JsonProperty("model-file") ModelCard.ModelFile modelFile,
            @JsonProperty("training-data") ModelCard.TrainingData trainingData,
            @JsonProperty("features") List<ModelCard.Feature> features,
            @JsonProperty("feature-schema") FeatureSchema featureSchema,
            @JsonProperty("hyper-parameters") Map<String, String> hyperParameters,
            @JsonProperty("rounds") int rounds,
            @JsonProperty("imbalance") ModelCard.ImbalanceChoice imbalance,
            @JsonProperty("tuning") ModelCard.Tuning tuning,
            @JsonProperty("cross-validation") ModelCard.CrossValidationSummary crossValidation,
            @JsonProperty("metrics") Metrics metrics,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("costs") BusinessCost costs,
            @JsonProperty("cost-curve") List<BusinessCost.CostPoint> costCurve,
            @JsonProperty("global-importance") Map<String, Double> globalImportance,
            @JsonProperty("usage") UsageDetails usage,
            @JsonProperty("environment") Map<String, String> environment) {

        ModelCard toCard() {
            return new ModelCard(ModelCard.SCHEMA_VERSION,
                    new ModelDetails(name, trainedAt, modelFile, features, featureSchema, hyperParameters, rounds,
                            globalImportance, environment),
                    new TrainingDetails(trainingData, imbalance, tuning, crossValidation),
                    new Evaluation(metrics, threshold, costs, costCurve, null),
                    usage);
        }
    }
}
