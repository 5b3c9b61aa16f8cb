package com.pretadepenser.creditdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.scoring.Contribution;
import java.util.List;

/**
 * {@code GET /clients/{id}/explanation} and {@code POST /score}: the score, every feature's
 * contribution (log-odds) from the bias, the same summed by family, the principal reasons each way
 * and the summary in the language asked for.
 */
public record ExplanationReply(
        @JsonProperty("score") ScoreReply score,
        @JsonProperty("bias") double bias,
        @JsonProperty("features") List<FeatureReply> features,
        @JsonProperty("families") List<FamilyReply> families,
        @JsonProperty("raising") List<ReasonReply> raising,
        @JsonProperty("lowering") List<ReasonReply> lowering,
        @JsonProperty("summary") String summary) {

    public static ExplanationReply of(Explanation e) {
        return new ExplanationReply(ScoreReply.of(e.score()), e.bias(), features(e.features()),
                e.families().stream().map(f -> new FamilyReply(f.family().name(), f.label(), f.contribution(), features(f.features()))).toList(),
                reasons(e.raising()), reasons(e.lowering()), e.summary());
    }

    private static List<FeatureReply> features(List<Contribution> contributions) {
        return contributions.stream().map(c -> new FeatureReply(c.feature(), c.value(), c.contribution())).toList();
    }

    private static List<ReasonReply> reasons(List<Explanation.Reason> reasons) {
        return reasons.stream().map(r -> new ReasonReply(r.family().name(), r.familyLabel(), r.contribution(), r.feature(),
                r.featureLabel(), r.value())).toList();
    }

    /** One feature: the client's value and its contribution. */
    record FeatureReply(
            @JsonProperty("feature") String feature,
            @JsonProperty("value") double value,
            @JsonProperty("contribution") double contribution) {
    }

    /** A family's summed contribution with its features, largest first. */
    record FamilyReply(
            @JsonProperty("family") String family,
            @JsonProperty("label") String label,
            @JsonProperty("contribution") double contribution,
            @JsonProperty("features") List<FeatureReply> features) {
    }

    /** A principal reason: the family, its contribution, its most telling feature and the client's value in words. */
    record ReasonReply(
            @JsonProperty("family") String family,
            @JsonProperty("family-label") String familyLabel,
            @JsonProperty("contribution") double contribution,
            @JsonProperty("feature") String feature,
            @JsonProperty("feature-label") String featureLabel,
            @JsonProperty("value") String value) {
    }
}
