package com.pretadepenser.creditdesk.engine.scoring;

import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.EngineText;
import com.pretadepenser.creditdesk.engine.Localizable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One change of what the client or the officer can move that grants a refused application: the
 * smallest found along one lever ({@link CounterfactualSearch}), verified by rescoring the changed
 * application through the one feature path.
 *
 * @param lever    what moves
 * @param changes  application field to {from, to}, for each field the change moves
 * @param after    the changed application's score (granted)
 * @param distance the size of the change, relative to the client's own value of what moves
 *                 ({@link Lever#distance}): 0.2 is a fifth less credit, a term a fifth longer, a
 *                 co-borrower earning a fifth of the client's income
 * @param original the application's score as it stands (refused)
 */
public record Counterfactual(Lever lever, Map<String, double[]> changes, Score after, double distance, Score original) {

    /**
     * The levers, in the order they are tried. Immutable facts (age, gender, family, education and
     * the credit history) are never levers; the longer-term ones change only with time, or with a
     * newer score from a source the officer names.
     */
    public enum Lever {
        /** A smaller credit: the annuity in proportion (the same term), the goods price no higher than the credit. */
        CREDIT_AMOUNT(false, "AMT_CREDIT"),
        /** The same credit over a longer term: a smaller annuity. */
        TERM(false, "AMT_ANNUITY"),
        /** A down payment: the same goods price, less credit, the annuity in proportion; not for revolving loans. */
        DOWN_PAYMENT(false, "AMT_CREDIT"),
        /** A co-borrower's income added to the client's. */
        CO_BORROWER(false, "AMT_INCOME_TOTAL"),
        /** Both a smaller credit and a longer term, tried only when one of the two alone grants nothing. */
        CREDIT_AND_TERM(false, "AMT_CREDIT", "AMT_ANNUITY"),
        /** Longer term: more years in the current job (the client's age held as it is). */
        YEARS_EMPLOYED(true, "DAYS_EMPLOYED"),
        /** Longer term: a higher external score, only from a source the officer names. */
        EXTERNAL_SCORE(true, "EXT_SOURCE_1", "EXT_SOURCE_2", "EXT_SOURCE_3");

        private final boolean longerTerm;
        private final Set<String> moves;

        Lever(boolean longerTerm, String... moves) {
            this.longerTerm = longerTerm;
            this.moves = Set.of(moves);
        }

        /** Whether the change takes time (or a newer score), not a decision of the client or the officer today. */
        public boolean longerTerm() {
            return longerTerm;
        }

        /** The quantities this lever moves: two suggestions are diverse when these do not overlap. */
        public Set<String> moves() {
            return moves;
        }
    }

    /** The application fields a counterfactual never changes (facts about the person; the history is never touched either). */
    public static final Set<String> IMMUTABLE = Set.of("DAYS_BIRTH", "CODE_GENDER", "NAME_FAMILY_STATUS", "CNT_CHILDREN",
            "CNT_FAM_MEMBERS", "NAME_EDUCATION_TYPE");

    public Counterfactual {
        Map<String, double[]> copy = new LinkedHashMap<>();
        changes.forEach((field, fromTo) -> {
            if (IMMUTABLE.contains(field)) {
                throw new IllegalArgumentException(field + " is immutable: a counterfactual never changes it");
            }
            if (fromTo.length != 2) {
                throw new IllegalArgumentException(field + ": a change is {from, to}");
            }
            copy.put(field, fromTo.clone());
        });
        changes = Collections.unmodifiableMap(copy);
        if (after.decision() != Decision.GRANTED) {
            throw new IllegalArgumentException("a counterfactual grants; " + after.probability() + " does not");
        }
        if (!(distance >= 0)) {
            throw new IllegalArgumentException("distance must be 0 or more, got " + distance);
        }
    }

    public double probability() {
        return after.probability();
    }

    /** How far under the threshold the changed application is, in probability (positive). */
    public double marginToThreshold() {
        return after.threshold() - after.probability();
    }

    /** The new value of a field this change moves, or its value as it stands. */
    public double to(String field, Application application) {
        double[] fromTo = changes.get(field);
        return fromTo == null ? application.number(field) : fromTo[1];
    }

    /** The application with this change made. */
    public Application applyTo(Application application) {
        Map<String, Double> edits = new LinkedHashMap<>();
        changes.forEach((field, fromTo) -> edits.put(field, fromTo[1]));
        return application.with(edits);
    }

    /** The change in one plain sentence: what to do, and the probability it gives against the threshold. */
    public Localizable sentence() {
        double[] credit = changes.get("AMT_CREDIT");
        double[] annuity = changes.get("AMT_ANNUITY");
        EngineText action = switch (lever) {
            case CREDIT_AMOUNT -> EngineText.of(EngineMessage.COUNTERFACTUAL_CREDIT_AMOUNT, credit[1], credit[0],
                    100 * (1 - credit[1] / credit[0]), annuity[1], annuity[0]);
            case TERM -> EngineText.of(EngineMessage.COUNTERFACTUAL_TERM, annuity[1], annuity[0], 100 * (annuity[0] / annuity[1] - 1));
            case DOWN_PAYMENT -> EngineText.of(EngineMessage.COUNTERFACTUAL_DOWN_PAYMENT, credit[0] - credit[1], credit[1], credit[0],
                    annuity[1], annuity[0]);
            case CO_BORROWER -> {
                double[] income = changes.get("AMT_INCOME_TOTAL");
                yield EngineText.of(EngineMessage.COUNTERFACTUAL_CO_BORROWER, income[1] - income[0], income[1], income[0]);
            }
            case CREDIT_AND_TERM -> EngineText.of(EngineMessage.COUNTERFACTUAL_CREDIT_AND_TERM, credit[1], credit[0], annuity[1], annuity[0],
                    credit[1] / annuity[1], credit[0] / annuity[0]);
            case YEARS_EMPLOYED -> {
                double[] days = changes.get("DAYS_EMPLOYED");
                yield EngineText.of(EngineMessage.COUNTERFACTUAL_YEARS_EMPLOYED, (days[0] - days[1]) / CounterfactualSearch.DAYS_PER_YEAR,
                        -days[1] / CounterfactualSearch.DAYS_PER_YEAR);
            }
            case EXTERNAL_SCORE -> {
                Map.Entry<String, double[]> score = changes.entrySet().iterator().next();
                yield EngineText.of(EngineMessage.COUNTERFACTUAL_EXTERNAL_SCORE, score.getKey().substring("EXT_SOURCE_".length()),
                        score.getValue()[1], score.getValue()[0]);
            }
        };
        EngineText outcome = EngineText.of(EngineMessage.COUNTERFACTUAL_OUTCOME, 100 * after.probability(),
                100 * marginToThreshold(), 100 * after.threshold());
        return locale -> action.format(locale) + outcome.format(locale);
    }

    /**
     * The ranges a search keeps to, each named when nothing within them grants.
     *
     * @param minCreditShare          the credit goes down to this share of the request, never below {@code minCredit}
     * @param minCredit               the smallest credit offered
     * @param minAnnuityShare         the annuity goes down to this share (1/2: a term at most twice as long)
     * @param minPaymentRate          and never under this share of the credit (the 1st percentile of annuity / credit
     *                                in the genuine sample: a longer term than any real one is out of range)
     * @param maxDownPaymentShare     a down payment of at most this share of the goods price
     * @param maxCoBorrowerShare      a co-borrower's income at most this share of the client's own
     * @param maxYearsEmployed        at most this many more years in the current job (longer term)
     * @param externalScore           the external score the officer has a newer value for, and from where; null: none
     * @param maxExternalScoreRise    that score rises by at most this much (scores lie in [0, 1])
     */
    public record Bounds(double minCreditShare, double minCredit, double minAnnuityShare, double minPaymentRate,
                         double maxDownPaymentShare, double maxCoBorrowerShare, double maxYearsEmployed,
                         ExternalSource externalScore, double maxExternalScoreRise) {
        public static final Bounds DEFAULT = new Bounds(0.3, 45_000, 0.5, 0.022, 0.3, 1.0, 3, null, 0.1);

        public Bounds {
            check("min-credit-share", minCreditShare, 0, 1);
            check("min-credit", minCredit, 0, Double.MAX_VALUE);
            check("min-annuity-share", minAnnuityShare, 0, 1);
            check("min-payment-rate", minPaymentRate, 0, 1);
            check("max-down-payment-share", maxDownPaymentShare, 0, 1);
            check("max-co-borrower-share", maxCoBorrowerShare, 0, 10);
            check("max-years-employed", maxYearsEmployed, 0, 40);
            check("max-external-score-rise", maxExternalScoreRise, 0, 1);
        }

        private static void check(String name, double value, double min, double max) {
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(name + " must lie in [" + min + ", " + max + "], not " + value);
            }
        }

        /** These bounds with a newer external score from a source the officer names. */
        public Bounds withExternalScore(ExternalSource source) {
            return new Bounds(minCreditShare, minCredit, minAnnuityShare, minPaymentRate, maxDownPaymentShare, maxCoBorrowerShare,
                    maxYearsEmployed, source, maxExternalScoreRise);
        }

        /** The bound of each lever tried, in words, for "no change within the bounds grants". */
        public Localizable describe(List<Lever> levers) {
            List<Localizable> parts = new ArrayList<>();
            for (Lever lever : levers) {
                parts.add(switch (lever) {
                    case CREDIT_AMOUNT -> EngineText.of(EngineMessage.COUNTERFACTUAL_BOUND_CREDIT, 100 * minCreditShare, minCredit);
                    case TERM -> EngineText.of(EngineMessage.COUNTERFACTUAL_BOUND_TERM, 1 / minAnnuityShare, 100 * minPaymentRate);
                    case DOWN_PAYMENT -> EngineText.of(EngineMessage.COUNTERFACTUAL_BOUND_DOWN_PAYMENT, 100 * maxDownPaymentShare);
                    case CO_BORROWER -> EngineText.of(EngineMessage.COUNTERFACTUAL_BOUND_CO_BORROWER, 100 * maxCoBorrowerShare);
                    case CREDIT_AND_TERM -> EngineText.of(EngineMessage.COUNTERFACTUAL_BOUND_CREDIT_AND_TERM);
                    case YEARS_EMPLOYED -> EngineText.of(EngineMessage.COUNTERFACTUAL_BOUND_YEARS_EMPLOYED, maxYearsEmployed);
                    case EXTERNAL_SCORE -> EngineText.of(EngineMessage.COUNTERFACTUAL_BOUND_EXTERNAL_SCORE,
                            externalScore.column().substring("EXT_SOURCE_".length()), maxExternalScoreRise, externalScore.source());
                });
            }
            return EngineText.joined(parts);
        }
    }

    /**
     * A newer value of an external score the officer can obtain, and where from (a bureau report, a
     * partner's file): without one, the external scores are facts, never levers.
     */
    public record ExternalSource(String column, String source) {
        public static final List<String> COLUMNS = List.of("EXT_SOURCE_1", "EXT_SOURCE_2", "EXT_SOURCE_3");

        public ExternalSource {
            if (!COLUMNS.contains(column)) {
                throw new IllegalArgumentException("the external score must be one of " + COLUMNS + ", not " + column);
            }
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("name the source of the newer " + column + " (e.g. a bureau report of this month)");
            }
            source = source.strip();
        }
    }

    /**
     * The outcome of a search: up to {@link CounterfactualSearch#MAX_SUGGESTIONS} diverse changes
     * that grant (actionable ones first, each smallest first), the levers tried and their bounds.
     */
    public record Search(List<Counterfactual> suggestions, Score original, List<Lever> leversTried, Bounds bounds) {
        public Search {
            suggestions = List.copyOf(suggestions);
            leversTried = List.copyOf(leversTried);
        }

        public boolean alreadyGranted() {
            return original.decision() == Decision.GRANTED;
        }

        /** The first suggestion (the smallest actionable change), if any. */
        public Optional<Counterfactual> best() {
            return suggestions.stream().findFirst();
        }

        /** What to say: granted as it stands, no change within the bounds (named), or nothing when there are suggestions. */
        public Optional<Localizable> verdict() {
            if (alreadyGranted()) {
                return Optional.of(EngineText.of(EngineMessage.COUNTERFACTUAL_GRANTED));
            }
            if (suggestions.isEmpty()) {
                return Optional.of(EngineText.of(EngineMessage.COUNTERFACTUAL_NONE, bounds.describe(leversTried)));
            }
            return Optional.empty();
        }

        /** The levers of the suggestions, for checks: no two the same. */
        public Set<Lever> levers() {
            Set<Lever> levers = EnumSet.noneOf(Lever.class);
            suggestions.forEach(s -> levers.add(s.lever()));
            return levers;
        }
    }
}
