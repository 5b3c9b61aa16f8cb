package com.pretadepenser.creditdesk.engine.stats;

import java.util.Arrays;

/** Rank-based statistics. NaN scores or values are left out. */
public final class RankStats {
    private RankStats() {
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

    /** Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical CDFs. */
    public static double ks(double[] a, double[] b) {
        double[] x = Arrays.stream(a).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] y = Arrays.stream(b).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (x.length == 0 || y.length == 0) {
            return x.length == y.length ? 0 : 1;
        }
        int i = 0;
        int j = 0;
        double gap = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            gap = Math.max(gap, Math.abs(i / (double) x.length - j / (double) y.length));
        }
        return gap;
    }
}
