package com.pretadepenser.creditdesk.engine.monitoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The drift of a current batch against a reference one.
 *
 * @param referenceRows   applicants in the reference batch
 * @param currentRows     applicants in the current batch
 * @param scorePsi        the PSI of the predicted probability (on the reference's deciles)
 * @param scoreKs         the KS statistic of the predicted probability
 * @param scoreKsPValue   its p-value
 * @param weightedPsi     the model features' PSI averaged with their importance shares as weights
 * @param features        the model's features, most drifted first (PSI x importance, then PSI)
 * @param columns         the raw application columns, most drifted first (PSI)
 */
@JsonPropertyOrder({"verdict", "reference-rows", "current-rows", "score-psi", "score-ks", "score-ks-p-value", "weighted-psi"})
public record DriftReport(@JsonProperty("reference-rows") long referenceRows, @JsonProperty("current-rows") long currentRows,
                          @JsonProperty("score-psi") double scorePsi, @JsonProperty("score-ks") double scoreKs,
                          @JsonProperty("score-ks-p-value") double scoreKsPValue, @JsonProperty("weighted-psi") double weightedPsi,
                          @JsonProperty("features") List<FeatureDrift> features, @JsonProperty("columns") List<FeatureDrift> columns) {
    public DriftReport {
        features = List.copyOf(features);
        columns = List.copyOf(columns);
    }

    /**
     * The overall verdict: the worse of the score's stability and that of the importance-weighted
     * mean PSI of the features (so a shift in features the model hardly uses does not raise it).
     */
    @JsonProperty("verdict")
    public Stability verdict() {
        return Stability.of(scorePsi).worse(Stability.of(weightedPsi));
    }

    /** The features whose own PSI reads as {@code stability}. */
    @JsonIgnore
    public List<FeatureDrift> features(Stability stability) {
        return features.stream().filter(f -> f.stability() == stability).toList();
    }
}
