package com.pretadepenser.creditdesk.app.peers;

import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;

/**
 * A linear change of unit for drawing a feature in the units a person thinks in: day counts
 * (negative, before the application) become years ago, shares become percent. Linear, so shapes
 * are unchanged; years ago run the other way, so a client's percentile is then counted from the
 * other end ({@link #backwards()}).
 */
public record DisplayUnit(double scale, String unitKey) {
    static final DisplayUnit SAME = new DisplayUnit(1, "unit.none");

    public static DisplayUnit of(String feature) {
        if (FeaturePipeline.isCategorical(feature)) {
            return SAME;
        }
        if (com.pretadepenser.creditdesk.engine.explain.HumanValues.readsBackwards(feature)) {
            return new DisplayUnit(-1 / 365.25, "unit.yearsAgo");
        }
        if (feature.endsWith("_PERC") || feature.equals("PAYMENT_RATE")) {
            return new DisplayUnit(100, "unit.percent");
        }
        return SAME;
    }

    /** Whether the unit runs against the value (years ago from negative day counts). */
    public boolean backwards() {
        return scale < 0;
    }

    public double apply(double value) {
        return value * scale;
    }
}
