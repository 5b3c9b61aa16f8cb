package com.pretadepenser.creditdesk.engine.synth;

/**
 * The documented truth behind the synthetic TARGET: a logistic model of the true probability of
 * default from what the generated files show about a client. Because the probability depends only
 * on observable values, it is the Bayes-optimal score for the data, and its AUC is the ceiling a
 * trained model can approach (see docs/synthetic-data.md).
 *
 * <p>Terms, each on a scale where 1 is a typical spread: the three external scores (normal scores of
 * their ranks; a missing score counts as average), youth, employment length (pensioners apart),
 * payment rate (annuity / credit), education (the real log-odds of the client's level), gender,
 * region rating, overdue debt at the credit bureau, share of late instalments and the number of
 * refused previous applications.
 */
public record RiskModel(
        double intercept, double externalScore, double youth, double shortEmployment, double pensioner,
        double paymentRate, double education, double male, double regionRating,
        double bureauOverdue, double lateShare, double refused) {

    /** The coefficients the shipped generator uses, calibrated for an 8.1 % default rate and an optimal AUC near 0.80. */
    public static final RiskModel DEFAULT = new RiskModel(
            -3.41, -0.47, 0.22, 0.18, -0.25,
            0.12, 0.55, 0.28, 0.18,
            0.75, 2.2, 0.22);

    /** What the risk model reads of a client. Missing external scores are NaN. */
    record Facts(double zExt1, double zExt2, double zExt3, double zYouth, boolean isPensioner, double zShortEmployment,
                 double zPaymentRate, double educationLogOdds, boolean isMale, double regionRating,
                 boolean hasBureauOverdue, double lateInstalmentShare, int refusedApplications) {
    }

    double probability(Facts f) {
        double logit = intercept
                + externalScore * (orZero(f.zExt1()) + orZero(f.zExt2()) + orZero(f.zExt3()))
                + youth * f.zYouth()
                + (f.isPensioner() ? pensioner : shortEmployment * f.zShortEmployment())
                + paymentRate * f.zPaymentRate()
                + education * f.educationLogOdds()
                + (f.isMale() ? male : 0)
                + regionRating * (f.regionRating() - 2)
                + (f.hasBureauOverdue() ? bureauOverdue : 0)
                + lateShare * f.lateInstalmentShare()
                + refused * Math.min(f.refusedApplications(), 4);
        return Gauss.logistic(logit);
    }

    private static double orZero(double z) {
        return Double.isNaN(z) ? 0 : z;
    }
}
