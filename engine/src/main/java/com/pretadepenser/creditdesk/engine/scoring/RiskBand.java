package com.pretadepenser.creditdesk.engine.scoring;

/**
 * Risk bands relative to the decision threshold t, so that they keep their meaning whatever the
 * costs: LOW below t/2, MODERATE from t/2 to t, HIGH from t to 2t, VERY_HIGH from 2t.
 */
public enum RiskBand {
    LOW, MODERATE, HIGH, VERY_HIGH;

    public static RiskBand of(double probability, double threshold) {
        if (probability < threshold / 2) {
            return LOW;
        }
        if (probability < threshold) {
            return MODERATE;
        }
        return probability < 2 * threshold ? HIGH : VERY_HIGH;
    }

    /** The lower edge of this band for a threshold. */
    public double lowerEdge(double threshold) {
        return switch (this) {
            case LOW -> 0;
            case MODERATE -> threshold / 2;
            case HIGH -> threshold;
            case VERY_HIGH -> Math.min(1, 2 * threshold);
        };
    }
}
