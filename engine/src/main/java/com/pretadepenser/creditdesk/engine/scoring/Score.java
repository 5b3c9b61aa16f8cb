package com.pretadepenser.creditdesk.engine.scoring;

/**
 * A client's score: probability of default, the decision at the model's threshold, how far the
 * probability is from the threshold (positive: above it, refused side) and the risk band.
 */
public record Score(int clientId, double probability, double threshold, Decision decision, double margin, RiskBand band) {

    public Score {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must lie in [0, 1], got " + probability);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must lie in (0, 1), got " + threshold);
        }
        if (decision != (probability >= threshold ? Decision.REFUSED : Decision.GRANTED)) {
            throw new IllegalArgumentException("decision " + decision + " contradicts probability " + probability
                    + " and threshold " + threshold);
        }
    }

    public static Score of(int clientId, double probability, double threshold) {
        return new Score(clientId, probability, threshold,
                probability >= threshold ? Decision.REFUSED : Decision.GRANTED,
                probability - threshold, RiskBand.of(probability, threshold));
    }
}
