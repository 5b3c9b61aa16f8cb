package com.pretadepenser.creditdesk.engine.monitoring;

import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The population stability index, PSI = sum over bins of (current share - reference share) x
 * ln(current share / reference share). Numbers are binned on the reference's deciles (ties merge
 * bins, so a flag has two); levels (categories, codes) are their own bins; a missing value is a bin
 * of its own in both. An empty bin counts as a share of {@value #FLOOR}, so the index stays finite.
 */
public final class PopulationStability {
    /** The share an empty bin is counted as. */
    public static final double FLOOR = 1e-4;

    private PopulationStability() {
    }

    /** PSI of a number between the reference and the current values, on the reference's deciles. */
    public static double ofNumbers(double[] reference, double[] current) {
        double[] edges = decileEdges(reference);
        return index(binShares(reference, edges), binShares(current, edges));
    }

    /** PSI of a category between two samples: each level (and the missing value, as null) a bin. */
    public static <T> double ofLevels(T[] reference, T[] current) {
        Map<T, Double> ref = levelShares(reference);
        Map<T, Double> cur = levelShares(current);
        Set<T> levels = new HashSet<>(ref.keySet());
        levels.addAll(cur.keySet());
        double[] r = new double[levels.size()];
        double[] c = new double[levels.size()];
        int i = 0;
        for (T level : levels) {
            r[i] = ref.getOrDefault(level, 0.0);
            c[i++] = cur.getOrDefault(level, 0.0);
        }
        return index(r, c);
    }

    /** PSI of coded levels (a categorical feature's codes; NaN is missing). */
    public static double ofCodes(double[] reference, double[] current) {
        double[] levels = codes(reference, current);
        return index(codeShares(reference, levels), codeShares(current, levels));
    }

    /** The distinct codes of both samples, sorted: the bins of {@link #codeShares}. */
    static double[] codes(double[] reference, double[] current) {
        return java.util.stream.DoubleStream.concat(Arrays.stream(reference), Arrays.stream(current))
                .filter(v -> !Double.isNaN(v)).distinct().sorted().toArray();
    }

    /** Shares of values at each of {@code codes} (sorted), then missing. */
    static double[] codeShares(double[] values, double[] codes) {
        double[] shares = new double[codes.length + 1];
        for (double v : values) {
            shares[Double.isNaN(v) ? codes.length : Arrays.binarySearch(codes, v)]++;
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= Math.max(1, values.length);
        }
        return shares;
    }

    /** The distinct inner deciles (10th..90th percentiles) of the values present. */
    static double[] decileEdges(double[] reference) {
        double[] sorted = Statistics.sortedPresent(reference);
        if (sorted.length == 0) {
            return new double[0];
        }
        return java.util.stream.IntStream.rangeClosed(1, 9)
                .mapToDouble(d -> Statistics.quantileOfSorted(sorted, d / 10.0)).distinct().toArray();
    }

    /** Shares of values in (-inf, e1], (e1, e2], ..., (ek, +inf), then missing. */
    static double[] binShares(double[] values, double[] edges) {
        double[] shares = new double[edges.length + 2];
        if (values.length == 0) {
            return shares;
        }
        for (double v : values) {
            if (Double.isNaN(v)) {
                shares[edges.length + 1]++;
                continue;
            }
            int at = Arrays.binarySearch(edges, v);
            shares[at >= 0 ? at : -at - 1]++;
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= values.length;
        }
        return shares;
    }

    static double index(double[] reference, double[] current) {
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] == 0 && current[i] == 0) {
                continue;
            }
            double r = Math.max(reference[i], FLOOR);
            double c = Math.max(current[i], FLOOR);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    private static <T> Map<T, Double> levelShares(T[] values) {
        Map<T, Double> shares = new HashMap<>();
        for (T v : values) {
            shares.merge(v, 1.0, Double::sum);
        }
        shares.replaceAll((k, n) -> n / values.length);
        return shares;
    }
}
