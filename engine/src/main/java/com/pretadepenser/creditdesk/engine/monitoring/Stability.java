package com.pretadepenser.creditdesk.engine.monitoring;

/**
 * The usual reading of a population stability index: below 0.1 the population is stable, from 0.1
 * to 0.25 it moved moderately (watch it), above 0.25 it moved significantly (the model's figures
 * may no longer hold: investigate, consider retraining).
 */
public enum Stability {
    STABLE,
    MODERATE,
    SIGNIFICANT;

    public static final double MODERATE_FROM = 0.1;
    public static final double SIGNIFICANT_ABOVE = 0.25;

    public static Stability of(double psi) {
        if (Double.isNaN(psi) || psi < MODERATE_FROM) {
            return STABLE;
        }
        return psi <= SIGNIFICANT_ABOVE ? MODERATE : SIGNIFICANT;
    }

    public Stability worse(Stability other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
