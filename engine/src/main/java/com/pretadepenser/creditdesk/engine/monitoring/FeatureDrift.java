package com.pretadepenser.creditdesk.engine.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How one feature (or raw application column) moved between the reference and the current batch.
 *
 * @param name            the feature or column name
 * @param levels          true when compared by level (categories, codes), false on deciles
 * @param psi             the population stability index
 * @param ks              the two-sample Kolmogorov-Smirnov statistic (NaN for levels of text)
 * @param ksPValue        its p-value (NaN when not computed)
 * @param importance      the model's global importance of the feature, as a share of the total (0 for a raw column)
 * @param weightedPsi     psi x importance share: the order of the report
 * @param referenceMissing share of the reference batch where the value is missing
 * @param currentMissing   share of the current batch where it is missing
 */
@JsonPropertyOrder({"name", "levels", "psi", "stability", "ks", "ks-p-value", "importance", "weighted-psi"})
public record FeatureDrift(@JsonProperty("name") String name, @JsonProperty("levels") boolean levels,
                           @JsonProperty("psi") double psi, @JsonProperty("ks") double ks,
                           @JsonProperty("ks-p-value") double ksPValue, @JsonProperty("importance") double importance,
                           @JsonProperty("weighted-psi") double weightedPsi,
                           @JsonProperty("reference-missing") double referenceMissing,
                           @JsonProperty("current-missing") double currentMissing) {
    @JsonProperty("stability")
    public Stability stability() {
        return Stability.of(psi);
    }
}
