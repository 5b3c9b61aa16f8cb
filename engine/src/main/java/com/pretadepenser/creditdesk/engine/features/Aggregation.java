package com.pretadepenser.creditdesk.engine.features;

import it.unimi.dsi.fastutil.doubles.DoubleOpenHashSet;

/**
 * The aggregate functions of the reference kernel, with pandas' semantics: NaN values are
 * skipped; min, max and mean of nothing are NaN; sum of nothing is 0; var is the sample variance
 * (n - 1), NaN under two values; size counts rows, NaN or not.
 */
enum Aggregation {
    MIN, MAX, MEAN, SUM, VAR, SIZE, NUNIQUE;

    /** Aggregates {@code values[from..to)}. */
    double over(double[] values, int from, int to) {
        if (this == SIZE) {
            return to - from;
        }
        if (this == NUNIQUE) {
            DoubleOpenHashSet distinct = new DoubleOpenHashSet();
            for (int i = from; i < to; i++) {
                double v = values[i];
                if (!Double.isNaN(v)) {
                    distinct.add(v);
                }
            }
            return distinct.size();
        }
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            n++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return switch (this) {
            case MIN -> n == 0 ? Double.NaN : min;
            case MAX -> n == 0 ? Double.NaN : max;
            case MEAN -> n == 0 ? Double.NaN : sum / n;
            case SUM -> sum;
            case VAR -> n < 2 ? Double.NaN : variance(values, from, to, sum / n, n);
            default -> throw new IllegalStateException(name());
        };
    }

    private static double variance(double[] values, int from, int to, double mean, int n) {
        double squares = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return squares / (n - 1);
    }

    String suffix() {
        return name();
    }
}
