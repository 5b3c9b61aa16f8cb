package com.pretadepenser.creditdesk.engine.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The statistics of CreditDesk, in one place: ROC AUC, quantiles, the two-sample Kolmogorov-Smirnov
 * test, means, standard deviations and correlations. NaN values are left out everywhere. Apache
 * Commons Math computes what it has (KS, standard deviation, mean, Pearson); the quantile of an
 * already sorted array is numpy's linear interpolation (Commons Math's {@code R_7}), read directly
 * because the peer index and the generator keep their values sorted and ask for several levels.
 */
public final class Statistics {
    private Statistics() {
    }

    /**
     * ROC AUC of {@code scores} for {@code labels} (1 = positive), with ties counted as half:
     * the Mann-Whitney statistic. NaN when one class is absent.
     */
    public static double auc(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length: " + scores.length + " vs " + labels.length);
        }
        int n = 0;
        for (double s : scores) {
            if (!Double.isNaN(s)) {
                n++;
            }
        }
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0, j = 0; i < scores.length; i++) {
            if (!Double.isNaN(scores[i])) {
                s[j] = scores[i];
                y[j++] = labels[i];
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b]));
        double rankSumPositive = 0;
        long positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && s[order[j + 1]] == s[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSumPositive += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical CDFs. NaN
     * when either sample has fewer than two values (Commons Math's minimum).
     */
    public static double ks(double[] a, double[] b) {
        double[] x = present(a);
        double[] y = present(b);
        if (x.length < 2 || y.length < 2) {
            return Double.NaN;
        }
        return new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(x, y);
    }

    /**
     * The p-value of the two-sample Kolmogorov-Smirnov test that {@code a} and {@code b} come from
     * one distribution (exact for small samples, asymptotic for large ones, as Commons Math decides).
     * NaN when either sample has fewer than two values.
     */
    public static double ksPValue(double[] a, double[] b) {
        double[] x = present(a);
        double[] y = present(b);
        if (x.length < 2 || y.length < 2) {
            return Double.NaN;
        }
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(x, y);
    }

    /**
     * The quantile at {@code level} (0 to 1) of values already sorted ascending, without NaN: linear
     * interpolation between order statistics (numpy's default, Commons Math's {@code R_7}). NaN when empty.
     */
    public static double quantileOfSorted(double[] sorted, double level) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = Math.min(Math.max(level, 0), 1) * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /**
     * The nearest-rank quantile of sorted values: the smallest value with at least {@code level} of
     * the values at or below it (the p99 of a latency benchmark is one of the measured times). NaN when empty.
     */
    public static double nearestRankOfSorted(double[] sorted, double level) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(Math.min(Math.max(level, 0), 1) * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The values that are not NaN, sorted ascending. */
    public static double[] sortedPresent(double[] values) {
        double[] out = present(values);
        Arrays.sort(out);
        return out;
    }

    /** The mean of the values that are not NaN; NaN when there is none. */
    public static double mean(double[] values) {
        double[] x = present(values);
        return x.length == 0 ? Double.NaN : new Mean().evaluate(x);
    }

    /** The sample standard deviation (n - 1) of the values that are not NaN; NaN under two values. */
    public static double standardDeviation(double[] values) {
        double[] x = present(values);
        return x.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(x);
    }

    /** Pearson's correlation over the pairs where neither value is NaN; 0 when either side is constant or under two pairs. */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                a[j] = x[i];
                b[j++] = y[i];
            }
        }
        if (n < 2) {
            return 0;
        }
        double r = new PearsonsCorrelation().correlation(a, b);
        return Double.isNaN(r) ? 0 : r;
    }

    private static double[] present(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }
}
