package com.pretadepenser.creditdesk.engine.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The smallest change of what the client can still change that would grant the application, or
 * none within the allowed ranges.
 *
 * @param lever      which lever: BORROW_LESS (credit amount, with annuity in proportion), LONGER_TERM
 *                   (same credit, smaller annuity) or BOTH
 * @param changes    field to [from, to] for each changed application field
 * @param probability the probability after the change
 */
public record Counterfactual(Lever lever, Map<String, double[]> changes, double probability, Score original) {

    /** The actionable levers, in the order they are tried. Immutable facts (age, gender, history) are never changed. */
    public enum Lever { BORROW_LESS, LONGER_TERM, BOTH }

    public Counterfactual {
        changes = Map.copyOf(changes);
    }

    /** The outcome of a search: a change that grants, or the reason there is none. */
    public record Search(Optional<Counterfactual> found, Score original, List<String> leversTried) {
        public boolean alreadyGranted() {
            return original.decision() == Decision.GRANTED;
        }
    }
}
