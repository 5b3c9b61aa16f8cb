package com.pretadepenser.creditdesk.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void theQuantileOfSortedValuesIsCommonsMathsR7WhichIsNumpysDefault() {
        SplittableRandom rng = new SplittableRandom(3);
        Percentile r7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (int trial = 0; trial < 200; trial++) {
            double[] values = new double[1 + rng.nextInt(60)];
            for (int i = 0; i < values.length; i++) {
                values[i] = rng.nextInt(4) == 0 ? rng.nextInt(5) : rng.nextGaussian() * 1_000; // ties and spread
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (double level : new double[] {0, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 1}) {
                double expected = level == 0 ? sorted[0] : r7.evaluate(values, level * 100);
                assertEquals(expected, Statistics.quantileOfSorted(sorted, level), 1e-9 * (1 + Math.abs(expected)),
                        "level " + level + " of " + Arrays.toString(sorted));
            }
        }
        // numpy.quantile([1, 2, 3, 4], 0.25) == 1.75
        assertEquals(1.75, Statistics.quantileOfSorted(new double[] {1, 2, 3, 4}, 0.25), 1e-12);
        assertTrue(Double.isNaN(Statistics.quantileOfSorted(new double[0], 0.5)));
    }

    @Test
    void theNearestRankIsAMeasuredValue() {
        double[] hundred = new double[100];
        Arrays.setAll(hundred, i -> i + 1);
        assertEquals(99, Statistics.nearestRankOfSorted(hundred, 0.99));
        assertEquals(50, Statistics.nearestRankOfSorted(hundred, 0.5));
        assertEquals(1, Statistics.nearestRankOfSorted(hundred, 0));
        assertEquals(100, Statistics.nearestRankOfSorted(hundred, 1));
        assertEquals(7, Statistics.nearestRankOfSorted(new double[] {7}, 0.99));
    }

    @Test
    void kolmogorovSmirnovIsTheLargestGapBetweenTheEmpiricalCdfsTiesIncluded() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 100; trial++) {
            double[] a = new double[5 + rng.nextInt(80)];
            double[] b = new double[5 + rng.nextInt(80)];
            Arrays.setAll(a, i -> rng.nextInt(10) == 0 ? Double.NaN : rng.nextInt(12));
            Arrays.setAll(b, i -> rng.nextInt(12) + (rng.nextInt(3) == 0 ? 2 : 0));
            assertEquals(bruteForceGap(a, b), Statistics.ks(a, b), 1e-12, Arrays.toString(a) + " vs " + Arrays.toString(b));
        }
        assertEquals(1.0 / 3, Statistics.ks(new double[] {1, 1, 2}, new double[] {1, 2, 2}), 1e-12);
        assertEquals(1, Statistics.ks(new double[] {1, 2}, new double[] {3, 4}), 1e-12);
        assertTrue(Double.isNaN(Statistics.ks(new double[] {1, Double.NaN}, new double[] {3, 4})), "one value is no distribution");
        assertTrue(Double.isNaN(Statistics.ksPValue(new double[] {1}, new double[] {3, 4})));
    }

    @Test
    void theKsPValueSeparatesAShiftFromTheSameDistribution() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] a = new double[400];
        double[] same = new double[400];
        double[] shifted = new double[400];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
            same[i] = rng.nextGaussian();
            shifted[i] = rng.nextGaussian() + 0.5;
        }
        assertTrue(Statistics.ksPValue(a, same) > 0.01, "same distribution: " + Statistics.ksPValue(a, same));
        assertTrue(Statistics.ksPValue(a, shifted) < 1e-6, "shifted by half a deviation: " + Statistics.ksPValue(a, shifted));
    }

    @Test
    void meanSpreadAndCorrelationLeaveNaNOut() {
        double[] x = {2, 4, Double.NaN, 4, 4, 5, 5, 7, 9};
        assertEquals(5, Statistics.mean(x), 1e-12);
        // sample standard deviation of 2,4,4,4,5,5,7,9: sqrt(32 / 7)
        assertEquals(Math.sqrt(32.0 / 7), Statistics.standardDeviation(x), 1e-12);
        assertTrue(Double.isNaN(Statistics.standardDeviation(new double[] {3, Double.NaN})));
        assertEquals(1, Statistics.pearson(new double[] {1, 2, Double.NaN, 4}, new double[] {2, 4, 100, 8}), 1e-12);
        assertEquals(-1, Statistics.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        assertEquals(0, Statistics.pearson(new double[] {1, 1, 1}, new double[] {3, 2, 1}), 1e-12);
    }

    @Test
    void aucCountsTiesAsHalf() {
        assertEquals(1, Statistics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1}), 1e-12);
        assertEquals(0.5, Statistics.auc(new double[] {0.5, 0.5}, new int[] {0, 1}), 1e-12);
        assertEquals(0.75, Statistics.auc(new double[] {0.1, 0.6, 0.4, 0.9}, new int[] {0, 0, 1, 1}), 1e-12);
    }

    private static double bruteForceGap(double[] a, double[] b) {
        double[] x = Arrays.stream(a).filter(v -> !Double.isNaN(v)).toArray();
        double gap = 0;
        for (double v : concat(x, b)) {
            double fx = Arrays.stream(x).filter(u -> u <= v).count() / (double) x.length;
            double fy = Arrays.stream(b).filter(u -> u <= v).count() / (double) b.length;
            gap = Math.max(gap, Math.abs(fx - fy));
        }
        return gap;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
