package com.pretadepenser.creditdesk.engine.scoring;

/**
 * One feature's part in a client's score, from LightGBM's TreeSHAP: {@code contribution} is in
 * log-odds (positive raises the risk); {@code value} is the feature's value for the client (NaN
 * when missing).
 */
public record Contribution(String feature, double value, double contribution) {
    public Contribution {
        if (feature == null || feature.isBlank()) {
            throw new IllegalArgumentException("a contribution needs a feature name");
        }
        if (Double.isNaN(contribution) || Double.isInfinite(contribution)) {
            throw new IllegalArgumentException("contribution of " + feature + " is not finite: " + contribution);
        }
    }
}
