package com.pretadepenser.creditdesk.engine.synth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.Arrays;

/**
 * The measured marginal of one column: its missing rate and either quantiles (continuous
 * numbers), a discrete distribution (numbers with few distinct values) or category frequencies.
 *
 * @param association for application columns, the correlation between the column and TARGET in the
 *                    genuine sample (numbers: Spearman on present values; categories: correlation of
 *                    TARGET with the default rate of the client's level). Signs steer the generator.
 * @param sentinel    a special value (365243) kept out of the quantiles, with its own rate
 */
public record ColumnProfile(
        @JsonProperty("column") String column,
        @JsonProperty("missing-rate") double missingRate,
        @JsonProperty("integral") boolean integral,
        @JsonProperty("quantiles") double[] quantiles,
        @JsonProperty("values") double[] values,
        @JsonProperty("levels") String[] levels,
        @JsonProperty("weights") double[] weights,
        @JsonProperty("level-default-rates") double[] levelDefaultRates,
        @JsonProperty("association") double association,
        @JsonProperty("sentinel") Double sentinel,
        @JsonProperty("sentinel-rate") double sentinelRate) {

    public ColumnProfile {
        if (missingRate < 0 || missingRate > 1) {
            throw new IllegalArgumentException("missing rate of " + column + " out of [0, 1]: " + missingRate);
        }
        if (weights != null) {
            double total = Arrays.stream(weights).sum();
            if (Math.abs(total - 1) > 1e-6) {
                throw new IllegalArgumentException("weights of " + column + " sum to " + total);
            }
        }
    }

    public boolean isCategorical() {
        return levels != null;
    }

    public boolean isDiscrete() {
        return values != null;
    }

    /** The value at cumulative probability {@code u} (0..1) of the present, non-sentinel values. */
    public double number(double u) {
        if (values != null) {
            return values[pick(weights, u)];
        }
        if (quantiles == null || quantiles.length == 0) {
            return Double.NaN;
        }
        double value = Statistics.quantileOfSorted(quantiles, u);
        return integral ? Math.rint(value) : value;
    }

    /** The level at cumulative probability {@code u}, levels taken from safest to riskiest. */
    public String level(double u) {
        return levels[pick(weights, u)];
    }

    static int pick(double[] weights, double u) {
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (u < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
