package com.pretadepenser.creditdesk.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the model is: its name and date, the LightGBM file it describes (with that file's SHA-256),
 * its inputs in model order with their schema, the settings it was trained with, the rounds kept,
 * the features' global importance and the software that made it.
 */
public record ModelDetails(
        @JsonProperty("name") String name,
        @JsonProperty("trained-at") String trainedAt,
        @JsonProperty("model-file") ModelCard.ModelFile modelFile,
        @JsonProperty("features") List<ModelCard.Feature> features,
        @JsonProperty("feature-schema") FeatureSchema featureSchema,
        @JsonProperty("hyper-parameters") Map<String, String> hyperParameters,
        @JsonProperty("rounds") int rounds,
        @JsonProperty("global-importance") Map<String, Double> globalImportance,
        @JsonProperty("environment") Map<String, String> environment) {

    public ModelDetails {
        Objects.requireNonNull(modelFile, "model-file");
        Objects.requireNonNull(features, "features");
        features = List.copyOf(features);
        // Kept in the order given (not Map.copyOf, whose order changes from one run to the next): the card
        // is written the same way each time, and its JSON names the model in the peer cache.
        hyperParameters = ordered(hyperParameters);
        environment = ordered(environment);
        globalImportance = globalImportance == null ? Map.of() : ordered(globalImportance);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
    }
}
