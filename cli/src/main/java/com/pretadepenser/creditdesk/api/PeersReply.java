package com.pretadepenser.creditdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.peers.Distribution;

/**
 * {@code GET /clients/{id}/peers}: one feature over one peer group, with the client placed in it
 * (the fields of {@link Distribution}: equal-width bins, the 5th to 95th percentiles, the client's
 * percentile from below and from above, the group's observed default rate and mean probability).
 */
public record PeersReply(
        @JsonProperty("feature") String feature,
        @JsonProperty("group") String group,
        @JsonProperty("group-size") int groupSize,
        @JsonProperty("present") int present,
        @JsonProperty("bin-edges") double[] binEdges,
        @JsonProperty("bin-counts") int[] binCounts,
        @JsonProperty("quantiles") double[] quantiles,
        @JsonProperty("client-value") double clientValue,
        @JsonProperty("client-percentile") double clientPercentile,
        @JsonProperty("client-percentile-above") double clientPercentileAbove,
        @JsonProperty("default-rate") double defaultRate,
        @JsonProperty("mean-probability") double meanProbability,
        @JsonProperty("labelled") int labelled) {

    public static PeersReply of(Distribution d) {
        return new PeersReply(d.feature(), d.group(), d.groupSize(), d.present(), d.binEdges(), d.binCounts(), d.quantiles(),
                d.clientValue(), d.clientPercentile(), d.clientPercentileAbove(), d.defaultRate(), d.meanProbability(), d.labelled());
    }
}
