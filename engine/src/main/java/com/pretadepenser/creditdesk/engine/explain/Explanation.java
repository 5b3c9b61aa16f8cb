package com.pretadepenser.creditdesk.engine.explain;

import com.pretadepenser.creditdesk.engine.features.FeatureFamily;
import com.pretadepenser.creditdesk.engine.scoring.Contribution;
import com.pretadepenser.creditdesk.engine.scoring.Score;
import java.util.List;

/**
 * Why a client got their score, in two views: every feature's TreeSHAP contribution, and the same
 * summed into families; plus the principal reasons and a summary sentence in one language.
 *
 * @param bias     the model's base log-odds (the average client), from which contributions add up
 * @param raising  at most four families that raise the risk most, largest first
 * @param lowering at most four families that lower it most, largest first
 */
public record Explanation(Score score, double bias, List<Contribution> features, List<FamilyContribution> families,
                          List<Reason> raising, List<Reason> lowering, String summary) {

    public Explanation {
        features = List.copyOf(features);
        families = List.copyOf(families);
        raising = List.copyOf(raising);
        lowering = List.copyOf(lowering);
        if (raising.size() > 4 || lowering.size() > 4) {
            throw new IllegalArgumentException("at most four reasons each way");
        }
        double total = bias + features.stream().mapToDouble(Contribution::contribution).sum();
        double logit = Math.log(score.probability() / (1 - score.probability()));
        if (score.probability() > 1e-9 && score.probability() < 1 - 1e-9 && Math.abs(total - logit) > 1e-6) {
            throw new IllegalArgumentException("contributions sum to " + total + " but the score's log-odds are " + logit);
        }
    }

    /** A family's summed contribution (log-odds) with its features, largest first. */
    public record FamilyContribution(FeatureFamily family, String label, double contribution, List<Contribution> features) {
        public FamilyContribution {
            features = List.copyOf(features);
        }
    }

    /**
     * A reason: a family, its contribution, and its most telling feature with the client's value;
     * when the client has nothing on record for the family, {@code featureLabel} is empty and
     * {@code value} says so ("no earlier application on record").
     */
    public record Reason(FeatureFamily family, String familyLabel, double contribution, String feature, String featureLabel,
                         String value) {
    }
}
