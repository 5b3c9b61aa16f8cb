package com.pretadepenser.creditdesk.engine.synth;

import java.util.SplittableRandom;

/** Normal distribution helpers for the latent-trait generator. */
final class Gauss {
    private Gauss() {
    }

    static double next(SplittableRandom rng) {
        // Box-Muller; one value per call keeps the stream of draws simple to reason about.
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Standard normal CDF (Zelen and Severo, error below 1e-7). */
    static double cdf(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double d = 0.3989422804014327 * Math.exp(-z * z / 2);
        double p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return z >= 0 ? 1 - p : p;
    }

    /** A draw correlated {@code rho} with the latent {@code trait}, as a uniform in (0, 1). */
    static double correlatedUniform(SplittableRandom rng, double trait, double rho) {
        double r = Math.max(-0.95, Math.min(0.95, rho));
        return cdf(r * trait + Math.sqrt(1 - r * r) * next(rng));
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
