package com.pretadepenser.creditdesk.engine.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well probabilities of default rank and fit the outcomes, and what the decision at a
 * threshold does. A client is refused when its probability is at or above the threshold.
 */
public record Metrics(
        @JsonProperty("rows") int rows,
        @JsonProperty("default-rate") double defaultRate,
        @JsonProperty("roc-auc") double rocAuc,
        @JsonProperty("pr-auc") double prAuc,
        @JsonProperty("brier") double brier,
        @JsonProperty("log-loss") double logLoss,
        @JsonProperty("ks") double ks,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("confusion") Confusion confusion,
        @JsonProperty("recall") double recall,
        @JsonProperty("precision") double precision,
        @JsonProperty("f-beta") double fBeta,
        @JsonProperty("beta") double beta,
        @JsonProperty("calibration") List<CalibrationBin> calibration,
        @JsonProperty("roc-curve") List<RocPoint> rocCurve) {

    /** Points of the ROC curve kept in a card: enough to draw it, few enough to read the JSON. */
    static final int ROC_POINTS = 100;

    public Metrics {
        calibration = calibration == null ? List.of() : List.copyOf(calibration);
        rocCurve = rocCurve == null ? List.of() : List.copyOf(rocCurve);
    }

    /** Counts at the threshold: defaulters refused, defaulters granted, repayers refused, repayers granted. */
    public record Confusion(
            @JsonProperty("true-positives") long truePositives,
            @JsonProperty("false-negatives") long falseNegatives,
            @JsonProperty("false-positives") long falsePositives,
            @JsonProperty("true-negatives") long trueNegatives) {
    }

    /** A point of the ROC curve: refusing every client at or above {@code threshold} catches {@code tpr} of defaulters and refuses {@code fpr} of repayers. */
    public record RocPoint(
            @JsonProperty("threshold") double threshold,
            @JsonProperty("fpr") double fpr,
            @JsonProperty("tpr") double tpr) {
    }

    /** One tenth of the clients by predicted probability: mean prediction against observed rate. */
    public record CalibrationBin(
            @JsonProperty("count") int count,
            @JsonProperty("mean-predicted") double meanPredicted,
            @JsonProperty("observed-rate") double observedRate) {
    }

    public static Metrics of(double[] probability, int[] target, double threshold, double beta) {
        if (probability.length != target.length || probability.length == 0) {
            throw new IllegalArgumentException("need as many probabilities as outcomes, at least one: "
                    + probability.length + " vs " + target.length);
        }
        int n = target.length;
        long tp = 0, fn = 0, fp = 0, tn = 0;
        double brier = 0;
        double logLoss = 0;
        int positives = 0;
        for (int i = 0; i < n; i++) {
            double p = probability[i];
            boolean refused = p >= threshold;
            if (target[i] == 1) {
                positives++;
                if (refused) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (refused) {
                fp++;
            } else {
                tn++;
            }
            brier += (p - target[i]) * (p - target[i]);
            double clipped = Math.min(1 - 1e-15, Math.max(1e-15, p));
            logLoss -= target[i] == 1 ? Math.log(clipped) : Math.log(1 - clipped);
        }
        double recall = tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
        double precision = tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
        double b2 = beta * beta;
        double fBeta = recall + precision == 0 || Double.isNaN(recall) || Double.isNaN(precision) ? 0
                : (1 + b2) * precision * recall / (b2 * precision + recall);
        return new Metrics(n, positives / (double) n, Statistics.auc(probability, target), averagePrecision(probability, target),
                brier / n, logLoss / n, ks(probability, target), threshold, new Confusion(tp, fn, fp, tn),
                recall, precision, fBeta, beta, calibration(probability, target), roc(probability, target));
    }

    /** Area under the precision-recall curve as average precision: sum over thresholds of precision times recall gained. */
    static double averagePrecision(double[] p, int[] y) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        long positives = Arrays.stream(y).filter(v -> v == 1).count();
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long seen = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            long newTp = 0;
            while (j < order.length && p[order[j]] == p[order[i]]) {
                newTp += y[order[j]];
                j++;
            }
            seen += j - i;
            tp += newTp;
            ap += (newTp / (double) positives) * (tp / (double) seen);
            i = j;
        }
        return ap;
    }

    static double ks(double[] p, int[] y) {
        double[] positives = IntStream.range(0, p.length).filter(i -> y[i] == 1).mapToDouble(i -> p[i]).toArray();
        double[] negatives = IntStream.range(0, p.length).filter(i -> y[i] == 0).mapToDouble(i -> p[i]).toArray();
        return Statistics.ks(positives, negatives);
    }

    /**
     * The ROC curve from (0, 0) to (1, 1), sampled at about {@link #ROC_POINTS} evenly spaced ranks;
     * ties in probability are never split, so every point is reachable by a threshold.
     */
    static List<RocPoint> roc(double[] p, int[] y) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        long positives = Arrays.stream(y).filter(v -> v == 1).count();
        long negatives = p.length - positives;
        if (positives == 0 || negatives == 0) {
            return List.of();
        }
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(1.0, 0, 0));
        long tp = 0;
        long fp = 0;
        int step = Math.max(1, p.length / ROC_POINTS);
        int nextMark = step;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && p[order[j]] == p[order[i]]) {
                if (y[order[j]] == 1) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            if (j >= nextMark || j == order.length) {
                points.add(new RocPoint(p[order[i]], fp / (double) negatives, tp / (double) positives));
                while (nextMark <= j) {
                    nextMark += step;
                }
            }
            i = j;
        }
        return points;
    }

    static List<CalibrationBin> calibration(double[] p, int[] y) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        List<CalibrationBin> bins = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) d * p.length / 10);
            int to = (int) ((long) (d + 1) * p.length / 10);
            if (to <= from) {
                continue;
            }
            double predicted = 0;
            double observed = 0;
            for (int k = from; k < to; k++) {
                predicted += p[order[k]];
                observed += y[order[k]];
            }
            bins.add(new CalibrationBin(to - from, predicted / (to - from), observed / (to - from)));
        }
        return bins;
    }
}
