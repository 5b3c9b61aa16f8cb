package com.pretadepenser.creditdesk.engine.scoring;

import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual.Bounds;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual.Lever;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * Looks for the smallest changes that grant a refused application, along each {@link Lever}
 * within its {@link Bounds}, and keeps up to {@value #MAX_SUGGESTIONS} diverse ones (no two move
 * the same quantity: {@link Lever#moves()}), the actionable levers before the longer-term ones,
 * each group smallest first.
 *
 * <p>Each lever is a path from the application as it stands (t = 0) to its bound (t = 1). The
 * search scores {@value #GRID} evenly spaced points of the path in one batch, then halves the
 * interval between the last refused point and the first granted one until the two differ by one
 * unit of rounding (1 in an amount, 0.5 in an annuity, a day, 0.001 in a score): on a model whose
 * probability steps once along the path (a tree model's split) that is the exact boundary. Every
 * candidate goes through the one feature path ({@link ClientScorer#probabilities}); the one kept is
 * scored again with its explanation ({@link ClientScorer#score(Application)}) and dropped if it does
 * not grant. Age, gender, family, education and the credit history never change
 * ({@link Counterfactual#IMMUTABLE}).
 *
 * <p>The distance (what "smallest" means, and how suggestions are ranked) is the relative change
 * of the quantity the lever moves, so that levers in different units compare: the share of the
 * credit not borrowed, the relative lengthening of the term (old annuity / new annuity - 1), the
 * down payment as a share of the goods price, the co-borrower's income as a share of the client's,
 * the years added to the current job over its length so far (at least one year), an external
 * score's rise over its value (at least 0.1); both for the credit and the term together.
 */
public final class CounterfactualSearch {
    public static final int MAX_SUGGESTIONS = 3;
    static final double DAYS_PER_YEAR = 365.25;
    /** A job cannot have started before this age: the years-employed lever stops there. */
    static final double EARLIEST_WORKING_AGE = 16;
    static final int GRID = 12;
    private static final int MAX_HALVINGS = 40;

    private final ClientScorer scorer;

    public CounterfactualSearch(ClientScorer scorer) {
        this.scorer = scorer;
    }

    /** Searches within {@link Bounds#DEFAULT}. */
    public Counterfactual.Search search(Application application) {
        return search(application, Bounds.DEFAULT);
    }

    public Counterfactual.Search search(Application application, Bounds bounds) {
        Score original = scorer.score(application).score();
        List<Lever> tried = new ArrayList<>();
        if (original.decision() == Decision.GRANTED) {
            return new Counterfactual.Search(List.of(), original, tried, bounds);
        }
        List<Counterfactual> found = new ArrayList<>();
        for (Lever lever : Lever.values()) {
            if (lever == Lever.CREDIT_AND_TERM && found.stream().anyMatch(c -> c.lever() == Lever.CREDIT_AMOUNT)
                    && found.stream().anyMatch(c -> c.lever() == Lever.TERM)) {
                continue; // each alone grants: together they move what the two already move, further
            }
            Optional<Path> path = path(lever, application, bounds);
            if (path.isEmpty()) {
                continue;
            }
            tried.add(lever);
            smallest(path.get(), application, original).ifPresent(found::add);
        }
        return new Counterfactual.Search(diverse(found), original, tried, bounds);
    }

    /** Actionable first, then smallest first; a suggestion that moves what one already kept moves is left out. */
    static List<Counterfactual> diverse(List<Counterfactual> found) {
        List<Counterfactual> ranked = new ArrayList<>(found);
        ranked.sort(Comparator.comparing((Counterfactual c) -> c.lever().longerTerm())
                .thenComparingDouble(Counterfactual::distance)
                .thenComparing(Counterfactual::lever));
        List<Counterfactual> kept = new ArrayList<>();
        Set<String> moved = new HashSet<>();
        for (Counterfactual c : ranked) {
            if (kept.size() == MAX_SUGGESTIONS) {
                break;
            }
            if (c.lever().moves().stream().noneMatch(moved::contains)) {
                kept.add(c);
                moved.addAll(c.lever().moves());
            }
        }
        return kept;
    }

    /**
     * One lever from the application (t = 0) to its bound (t = 1): the rounded edits at t and the
     * distance of those edits.
     */
    record Path(Lever lever, DoubleFunction<Map<String, Double>> at, ToDoubleFunction<Map<String, Double>> distance) {
    }

    private Optional<Counterfactual> smallest(Path path, Application application, Score original) {
        double threshold = original.threshold();
        List<Application> grid = new ArrayList<>(GRID);
        for (int k = 1; k <= GRID; k++) {
            grid.add(application.with(path.at().apply(k / (double) GRID)));
        }
        double[] p = scorer.probabilities(grid);
        int first = -1;
        for (int k = 0; k < GRID; k++) {
            if (p[k] < threshold) {
                first = k;
                break;
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        double lo = first / (double) GRID;
        double hi = (first + 1) / (double) GRID;
        Map<String, Double> loEdits = path.at().apply(lo);
        Map<String, Double> hiEdits = path.at().apply(hi);
        for (int i = 0; i < MAX_HALVINGS; i++) {
            double mid = (lo + hi) / 2;
            Map<String, Double> midEdits = path.at().apply(mid);
            if (midEdits.equals(loEdits) || midEdits.equals(hiEdits)) {
                break; // the two ends are one rounding unit apart
            }
            if (scorer.probability(application.with(midEdits)) < threshold) {
                hi = mid;
                hiEdits = midEdits;
            } else {
                lo = mid;
                loEdits = midEdits;
            }
        }
        Score after = scorer.score(application.with(hiEdits)).score();
        if (after.decision() != Decision.GRANTED) {
            return Optional.empty();
        }
        Map<String, double[]> changes = new LinkedHashMap<>();
        hiEdits.forEach((field, to) -> {
            double from = application.number(field);
            if (from != to || !field.equals("AMT_GOODS_PRICE")) {
                changes.put(field, new double[] {from, to});
            }
        });
        return Optional.of(new Counterfactual(path.lever(), changes, after, path.distance().applyAsDouble(hiEdits), original));
    }

    /** The lever's path for this application, or empty when the lever does not apply to it (or leaves no room). */
    static Optional<Path> path(Lever lever, Application application, Bounds bounds) {
        double credit = application.number("AMT_CREDIT");
        double annuity = application.number("AMT_ANNUITY");
        double goods = application.number("AMT_GOODS_PRICE");
        boolean loan = credit > 0 && annuity > 0 && Double.isFinite(credit) && Double.isFinite(annuity);
        return switch (lever) {
            case CREDIT_AMOUNT -> {
                double lowest = Math.max(bounds.minCredit(), credit * bounds.minCreditShare());
                if (!loan || lowest >= credit) {
                    yield Optional.empty();
                }
                yield Optional.of(new Path(lever, t -> {
                    double newCredit = Math.round(credit - t * (credit - lowest));
                    Map<String, Double> edits = loan(newCredit, annuity * newCredit / credit);
                    if (goods > newCredit) {
                        edits.put("AMT_GOODS_PRICE", newCredit);
                    }
                    return edits;
                }, edits -> 1 - edits.get("AMT_CREDIT") / credit));
            }
            case TERM -> {
                double lowest = Math.max(annuity * bounds.minAnnuityShare(), credit * bounds.minPaymentRate());
                if (!loan || lowest >= annuity) {
                    yield Optional.empty();
                }
                yield Optional.of(new Path(lever, t -> {
                    Map<String, Double> edits = new LinkedHashMap<>();
                    edits.put("AMT_ANNUITY", Math.max(halfUnit(annuity - t * (annuity - lowest)), halfUnitUp(lowest)));
                    return edits;
                }, edits -> annuity / edits.get("AMT_ANNUITY") - 1));
            }
            case DOWN_PAYMENT -> {
                boolean revolving = application.text("NAME_CONTRACT_TYPE").map(c -> c.equals("Revolving loans")).orElse(false);
                double most = Math.min(goods * bounds.maxDownPaymentShare(), credit - bounds.minCredit());
                if (!loan || revolving || !(goods > 0) || !(most >= 1)) {
                    yield Optional.empty();
                }
                yield Optional.of(new Path(lever, t -> {
                    double newCredit = Math.round(credit - t * most);
                    return loan(newCredit, annuity * newCredit / credit);
                }, edits -> (credit - edits.get("AMT_CREDIT")) / goods));
            }
            case CO_BORROWER -> {
                double income = application.number("AMT_INCOME_TOTAL");
                if (!(income > 0) || !Double.isFinite(income) || bounds.maxCoBorrowerShare() <= 0) {
                    yield Optional.empty();
                }
                yield Optional.of(new Path(lever, t -> {
                    Map<String, Double> edits = new LinkedHashMap<>();
                    edits.put("AMT_INCOME_TOTAL", (double) Math.round(income + t * income * bounds.maxCoBorrowerShare()));
                    return edits;
                }, edits -> edits.get("AMT_INCOME_TOTAL") / income - 1));
            }
            case CREDIT_AND_TERM -> {
                double lowest = Math.max(bounds.minCredit(), credit * bounds.minCreditShare());
                if (!loan || lowest >= credit || bounds.minAnnuityShare() >= 1) {
                    yield Optional.empty();
                }
                yield Optional.of(new Path(lever, t -> {
                    double newCredit = Math.round(credit - t * (credit - lowest));
                    double sameTerm = annuity * newCredit / credit;
                    double longer = Math.max(sameTerm * (1 - t * (1 - bounds.minAnnuityShare())), newCredit * bounds.minPaymentRate());
                    return loan(newCredit, Math.min(sameTerm, longer));
                }, edits -> (1 - edits.get("AMT_CREDIT") / credit)
                        + (annuity * edits.get("AMT_CREDIT") / credit / edits.get("AMT_ANNUITY") - 1)));
            }
            case YEARS_EMPLOYED -> {
                double employed = application.number("DAYS_EMPLOYED");
                double birth = application.number("DAYS_BIRTH");
                double room = Math.min(bounds.maxYearsEmployed() * DAYS_PER_YEAR, -birth - EARLIEST_WORKING_AGE * DAYS_PER_YEAR + employed);
                if (!(employed <= 0) || employed == HomeCreditSchema.DAYS_SENTINEL || !(room >= 1)) {
                    yield Optional.empty();
                }
                double years = Math.max(1, -employed / DAYS_PER_YEAR);
                yield Optional.of(new Path(lever, t -> {
                    Map<String, Double> edits = new LinkedHashMap<>();
                    edits.put("DAYS_EMPLOYED", (double) Math.round(employed - t * room));
                    return edits;
                }, edits -> (employed - edits.get("DAYS_EMPLOYED")) / DAYS_PER_YEAR / years));
            }
            case EXTERNAL_SCORE -> {
                Counterfactual.ExternalSource source = bounds.externalScore();
                double value = source == null ? Double.NaN : application.number(source.column());
                double room = Math.min(bounds.maxExternalScoreRise(), 1 - value);
                if (source == null || !Double.isFinite(value) || !(room >= 0.001)) {
                    yield Optional.empty();
                }
                yield Optional.of(new Path(lever, t -> {
                    Map<String, Double> edits = new LinkedHashMap<>();
                    edits.put(source.column(), Math.round(1000 * (value + t * room)) / 1000.0);
                    return edits;
                }, edits -> (edits.get(source.column()) - value) / Math.max(0.1, value)));
            }
        };
    }

    private static Map<String, Double> loan(double credit, double annuity) {
        Map<String, Double> edits = new LinkedHashMap<>();
        edits.put("AMT_CREDIT", credit);
        edits.put("AMT_ANNUITY", halfUnit(annuity));
        return edits;
    }

    /** Annuities are rounded to half a unit, as the data writes them. */
    private static double halfUnit(double amount) {
        return Math.round(amount * 2) / 2.0;
    }

    private static double halfUnitUp(double amount) {
        return Math.ceil(amount * 2) / 2.0;
    }
}
