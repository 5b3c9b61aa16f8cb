package com.pretadepenser.creditdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /clients/{id}/counterfactuals}: up to three diverse changes that would grant a refused
 * application (each with what it changes, its probability, its margin under the threshold, its
 * distance and a sentence in the request's language), the levers tried and the bounds kept to;
 * {@code verdict} says "granted as it stands" or "no change within the bounds" (naming them), null
 * when there are suggestions.
 */
public record CounterfactualsReply(
        @JsonProperty("client-id") int clientId,
        @JsonProperty("probability") double probability,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("decision") String decision,
        @JsonProperty("suggestions") List<Suggestion> suggestions,
        @JsonProperty("levers-tried") List<String> leversTried,
        @JsonProperty("bounds") BoundsReply bounds,
        @JsonProperty("verdict") String verdict) {

    /** One change that grants; {@code lever} in kebab-case (credit-amount, term, down-payment, co-borrower, credit-and-term, years-employed, external-score). */
    public record Suggestion(
            @JsonProperty("lever") String lever,
            @JsonProperty("longer-term") boolean longerTerm,
            @JsonProperty("changes") List<Change> changes,
            @JsonProperty("probability") double probability,
            @JsonProperty("margin-to-threshold") double marginToThreshold,
            @JsonProperty("distance") double distance,
            @JsonProperty("sentence") String sentence) {
    }

    /** An application field (its data column name, e.g. AMT_CREDIT) from its value to the suggested one. */
    public record Change(@JsonProperty("field") String field, @JsonProperty("from") double from, @JsonProperty("to") double to) {
    }

    public record BoundsReply(
            @JsonProperty("min-credit-share") double minCreditShare,
            @JsonProperty("min-credit") double minCredit,
            @JsonProperty("min-annuity-share") double minAnnuityShare,
            @JsonProperty("min-payment-rate") double minPaymentRate,
            @JsonProperty("max-down-payment-share") double maxDownPaymentShare,
            @JsonProperty("max-co-borrower-share") double maxCoBorrowerShare,
            @JsonProperty("max-years-employed") double maxYearsEmployed,
            @JsonProperty("external-score") String externalScore,
            @JsonProperty("external-source") String externalSource,
            @JsonProperty("max-external-score-rise") double maxExternalScoreRise) {

        static BoundsReply of(Counterfactual.Bounds b) {
            return new BoundsReply(b.minCreditShare(), b.minCredit(), b.minAnnuityShare(), b.minPaymentRate(), b.maxDownPaymentShare(),
                    b.maxCoBorrowerShare(), b.maxYearsEmployed(), b.externalScore() == null ? null : b.externalScore().column(),
                    b.externalScore() == null ? null : b.externalScore().source(), b.maxExternalScoreRise());
        }
    }

    public static CounterfactualsReply of(Counterfactual.Search search, Locale locale) {
        List<Suggestion> suggestions = search.suggestions().stream().map(c -> new Suggestion(kebab(c.lever()), c.lever().longerTerm(),
                c.changes().entrySet().stream().map(e -> new Change(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
                c.probability(), c.marginToThreshold(), c.distance(), c.sentence().format(locale))).toList();
        return new CounterfactualsReply(search.original().clientId(), search.original().probability(), search.original().threshold(),
                search.original().decision().name(), suggestions, search.leversTried().stream().map(CounterfactualsReply::kebab).toList(),
                BoundsReply.of(search.bounds()), search.verdict().map(v -> v.format(locale)).orElse(null));
    }

    static String kebab(Counterfactual.Lever lever) {
        return lever.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
