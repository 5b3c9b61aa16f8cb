package com.pretadepenser.creditdesk.engine.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What the company loses per error: a granted client who defaults (false negative) and a refused
 * client who would have repaid (false positive), in any unit (by default 10 and 1: a missed
 * default costs ten refused good clients). The decision threshold minimises the expected cost.
 */
public record BusinessCost(
        @JsonProperty("false-negative") double falseNegative,
        @JsonProperty("false-positive") double falsePositive) {

    public static final BusinessCost DEFAULT = new BusinessCost(10, 1);
    /** Thresholds examined: 0.001 to 0.999 by 0.001. */
    private static final int GRID = 999;

    public BusinessCost {
        if (!(falseNegative > 0) || !(falsePositive > 0)) {
            throw new IllegalArgumentException("costs must be positive, got false-negative " + falseNegative
                    + " and false-positive " + falsePositive);
        }
    }

    /** One point of the cost curve: the mean cost per client if the threshold were this. */
    public record CostPoint(@JsonProperty("threshold") double threshold, @JsonProperty("cost-per-client") double costPerClient) {
    }

    /** The threshold of least mean cost, and the whole curve (every 0.005) it was chosen from. */
    public record Choice(@JsonProperty("threshold") double threshold,
                         @JsonProperty("cost-per-client") double costPerClient,
                         @JsonProperty("curve") List<CostPoint> curve) {
    }

    public double costPerClient(double[] probability, int[] target, double threshold) {
        double total = 0;
        for (int i = 0; i < target.length; i++) {
            boolean refused = probability[i] >= threshold;
            if (target[i] == 1 && !refused) {
                total += falseNegative;
            } else if (target[i] == 0 && refused) {
                total += falsePositive;
            }
        }
        return total / target.length;
    }

    public Choice choose(double[] probability, int[] target) {
        double[] defaulters = java.util.stream.IntStream.range(0, target.length).filter(i -> target[i] == 1)
                .mapToDouble(i -> probability[i]).sorted().toArray();
        double[] repayers = java.util.stream.IntStream.range(0, target.length).filter(i -> target[i] == 0)
                .mapToDouble(i -> probability[i]).sorted().toArray();
        double bestCost = Double.POSITIVE_INFINITY;
        double bestThreshold = 0.5;
        List<CostPoint> curve = new ArrayList<>();
        for (int t = 1; t <= GRID; t++) {
            double threshold = t / 1000.0;
            long missedDefaults = countBelow(defaulters, threshold);
            long refusedRepayers = repayers.length - countBelow(repayers, threshold);
            double cost = (missedDefaults * falseNegative + refusedRepayers * falsePositive) / target.length;
            if (cost < bestCost) {
                bestCost = cost;
                bestThreshold = threshold;
            }
            if (t % 5 == 0) {
                curve.add(new CostPoint(threshold, cost));
            }
        }
        return new Choice(bestThreshold, bestCost, curve);
    }

    /** How many sorted values are strictly below the threshold (those clients are granted). */
    private static long countBelow(double[] sorted, double threshold) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < threshold) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
