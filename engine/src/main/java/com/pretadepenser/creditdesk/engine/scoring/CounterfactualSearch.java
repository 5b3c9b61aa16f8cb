package com.pretadepenser.creditdesk.engine.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks for the smallest change to the loan that grants a refused application, rescoring each
 * candidate through the one feature path. Only the loan is changed: the amount borrowed (down to
 * {@link #MIN_CREDIT_SHARE} of the request, never below {@link #MIN_CREDIT}) and the annuity
 * (down to {@link #MIN_ANNUITY_SHARE} of it, i.e. a term at most twice as long, and never a
 * repayment rate under {@link #MIN_PAYMENT_RATE}). Age, gender, family, employment, external
 * scores and credit history are facts, never levers.
 */
public final class CounterfactualSearch {
    static final double MIN_CREDIT_SHARE = 0.3;
    static final double MIN_CREDIT = 45_000;
    static final double MIN_ANNUITY_SHARE = 0.5;
    /** The 1st percentile of annuity / credit in the genuine sample: shorter-than-real terms are out of range. */
    static final double MIN_PAYMENT_RATE = 0.022;
    private static final int STEPS = 24;

    private final ClientScorer scorer;

    public CounterfactualSearch(ClientScorer scorer) {
        this.scorer = scorer;
    }

    public Counterfactual.Search search(Application application) {
        Score original = scorer.score(application).score();
        List<String> tried = new ArrayList<>();
        if (original.decision() == Decision.GRANTED) {
            return new Counterfactual.Search(Optional.empty(), original, tried);
        }
        double credit = application.number("AMT_CREDIT");
        double annuity = application.number("AMT_ANNUITY");
        double goods = application.number("AMT_GOODS_PRICE");
        Counterfactual best = null;
        double bestChange = Double.POSITIVE_INFINITY;
        for (Counterfactual.Lever lever : Counterfactual.Lever.values()) {
            tried.add(lever.name());
            for (int step = 1; step <= STEPS; step++) {
                double t = step / (double) STEPS;
                double creditShare = lever == Counterfactual.Lever.LONGER_TERM ? 1 : 1 - t * (1 - MIN_CREDIT_SHARE);
                double termShare = lever == Counterfactual.Lever.BORROW_LESS ? 1 : 1 - t * (1 - MIN_ANNUITY_SHARE);
                double newCredit = Math.round(credit * creditShare);
                double newAnnuity = Math.round(annuity * creditShare * termShare * 2) / 2.0;
                if (newCredit < MIN_CREDIT || newAnnuity / newCredit < MIN_PAYMENT_RATE) {
                    break;
                }
                Map<String, Double> loan = new LinkedHashMap<>();
                loan.put("AMT_CREDIT", newCredit);
                loan.put("AMT_ANNUITY", newAnnuity);
                if (!Double.isNaN(goods)) {
                    loan.put("AMT_GOODS_PRICE", Math.min(goods, newCredit));
                }
                Application edited = application.with(loan);
                double probability = scorer.score(edited).score().probability();
                if (probability < original.threshold()) {
                    // Size of a change: the relative cut in monthly outlay plus in the amount borrowed.
                    double change = (1 - creditShare) + (1 - termShare);
                    if (change < bestChange) {
                        bestChange = change;
                        Map<String, double[]> changes = new LinkedHashMap<>();
                        if (creditShare < 1) {
                            changes.put("AMT_CREDIT", new double[] {credit, newCredit});
                            if (!Double.isNaN(goods) && newCredit < goods) {
                                changes.put("AMT_GOODS_PRICE", new double[] {goods, newCredit});
                            }
                        }
                        changes.put("AMT_ANNUITY", new double[] {annuity, newAnnuity});
                        best = new Counterfactual(lever, changes, probability, original);
                    }
                    break;
                }
            }
        }
        return new Counterfactual.Search(Optional.ofNullable(best), original, tried);
    }
}
