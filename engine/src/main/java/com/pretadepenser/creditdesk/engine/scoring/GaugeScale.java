package com.pretadepenser.creditdesk.engine.scoring;

/**
 * Where a probability sits on the gauge's arc, the dashboard's and the client report's (0 at the left end,
 * 1 at the right). Probabilities
 * of default crowd below 20 %, around thresholds near 10 %, so a linear 0-100 % arc would squeeze
 * every decision into its first tenth: the arc follows the square root, which spreads the low
 * range while still running from 0 % to 100 %. Tick labels show true percentages.
 */
public final class GaugeScale {
    public static final double[] TICKS = {0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1};

    private GaugeScale() {
    }

    public static double position(double probability) {
        return Math.sqrt(Math.max(0, Math.min(1, probability)));
    }
}
