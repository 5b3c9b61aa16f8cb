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
        return of(needsMoments() ? new Moments().over(values, from, to) : null, values, from, to);
    }

    /** Whether this aggregation is read from the count, sum, min and max of the non-missing values. */
    boolean needsMoments() {
        return this != SIZE && this != NUNIQUE;
    }

    /**
     * Aggregates {@code values[from..to)} given their {@link Moments} (unused, and may be null, for
     * SIZE and NUNIQUE): several aggregations of one input share one pass over the values.
     */
    double of(Moments moments, double[] values, int from, int to) {
        return switch (this) {
            case SIZE -> to - from;
            case NUNIQUE -> distinct(values, from, to);
            case MIN -> moments.n == 0 ? Double.NaN : moments.min;
            case MAX -> moments.n == 0 ? Double.NaN : moments.max;
            case MEAN -> moments.n == 0 ? Double.NaN : moments.sum / moments.n;
            case SUM -> moments.sum;
            case VAR -> moments.n < 2 ? Double.NaN : variance(values, from, to, moments.sum / moments.n, moments.n);
        };
    }

    /** Count, sum, least and greatest of the non-missing values of a range; reused range after range. */
    static final class Moments {
        int n;
        double sum;
        double min;
        double max;

        Moments over(double[] values, int from, int to) {
            n = 0;
            sum = 0;
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
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
            return this;
        }
    }

    private static int distinct(double[] values, int from, int to) {
        DoubleOpenHashSet distinct = new DoubleOpenHashSet();
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                distinct.add(v);
            }
        }
        return distinct.size();
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
