package com.pretadepenser.creditdesk.app.decision;

import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.explain.HumanValues;
import com.pretadepenser.creditdesk.engine.scoring.Contribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The path from the average client's probability (the model's base rate) to this client's, one
 * step per factor: contributions add up in log-odds, so each step is the change of probability
 * when its log-odds join the running sum. The steps therefore end exactly at the client's probability.
 *
 * @param base  the probability with no factor (logistic of the bias)
 * @param steps the largest factors by |contribution|, then one "others" step for the rest (if any)
 */
public record Waterfall(double base, List<Step> steps, double probability) {
    public enum Mode { FAMILIES, FEATURES }

    /** One bar: a factor moving the probability from {@code from} to {@code to}. */
    public record Step(String label, String value, double contribution, double from, double to) {
        public boolean raises() {
            return to > from;
        }
    }

    public Waterfall {
        steps = List.copyOf(steps);
    }

    public static Waterfall of(Explanation explanation, Mode mode, int top, String othersLabel, HumanValues values, Locale locale) {
        List<Step> parts = new ArrayList<>();
        if (mode == Mode.FAMILIES) {
            for (Explanation.FamilyContribution family : explanation.families()) {
                parts.add(new Step(family.label(), "", family.contribution(), 0, 0));
            }
        } else {
            for (Contribution c : explanation.features()) {
                parts.add(new Step(FeatureLabels.label(c.feature(), locale), values.format(c.feature(), c.value()), c.contribution(), 0, 0));
            }
        }
        parts.sort(Comparator.comparingDouble((Step s) -> Math.abs(s.contribution())).reversed());
        List<Step> shown = new ArrayList<>(parts.subList(0, Math.min(top, parts.size())));
        double rest = parts.subList(shown.size(), parts.size()).stream().mapToDouble(Step::contribution).sum();
        if (parts.size() > shown.size()) {
            shown.add(new Step(othersLabel, "", rest, 0, 0));
        }
        double logit = explanation.bias();
        double base = logistic(logit);
        List<Step> steps = new ArrayList<>(shown.size());
        for (Step s : shown) {
            double from = logistic(logit);
            logit += s.contribution();
            steps.add(new Step(s.label(), s.value(), s.contribution(), from, logistic(logit)));
        }
        return new Waterfall(base, steps, logistic(logit));
    }

    static double logistic(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }
}
