package com.pretadepenser.creditdesk.engine.peers;

/**
 * One feature over one peer group, with the client placed in it.
 *
 * @param binEdges        {@code bins + 1} edges of equal-width bins over the group's present values
 * @param binCounts       clients per bin
 * @param quantiles       the group's 5th, 25th, 50th, 75th and 95th percentiles
 * @param clientPercentile share of the group's present values below the client's (0-100), NaN if the client's is missing
 * @param clientPercentileAbove share of the group's present values above the client's (0-100): the client's
 *                        percentile for a feature read the other way round (day counts read as time ago)
 * @param defaultRate     observed default rate among the group's labelled clients (NaN if none)
 * @param meanProbability mean predicted probability of default over the group
 */
public record Distribution(String feature, String group, int groupSize, int present, double[] binEdges, int[] binCounts,
                           double[] quantiles, double clientValue, double clientPercentile, double clientPercentileAbove,
                           double defaultRate, double meanProbability, int labelled) {

    public static final double[] QUANTILE_LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};

    public Distribution {
        if (binCounts.length + 1 != binEdges.length && present > 0) {
            throw new IllegalArgumentException(binCounts.length + " bins need " + (binCounts.length + 1) + " edges");
        }
    }

    /** The client's percentile as a person reads the feature: from the other end for {@code backwards} ones. */
    public double percentile(boolean backwards) {
        return backwards ? clientPercentileAbove : clientPercentile;
    }
}
