package com.pretadepenser.creditdesk.engine.trees;

/**
 * One tree in LightGBM's arrays (children below 0 are leaves, {@code ~child}), and how a value
 * travels through a split: LightGBM's {@code Tree::NumericalDecision} and {@code CategoricalDecision}
 * (missing types, default directions, category bitsets).
 */
record Tree(int[] splitFeature, double[] threshold, int[] decisionType, int[] left, int[] right, double[] leafValue,
            int[] catBoundaries, int[] catThreshold, double[] internalCount, double[] leafCount) {
    /** LightGBM's kZeroThreshold: |x| at or below it counts as zero. */
    private static final double ZERO = 1e-35f;
    static final int CATEGORICAL = 1;
    private static final int DEFAULT_LEFT = 2;
    private static final int MISSING_NONE = 0;
    private static final int MISSING_ZERO = 1;
    private static final int MISSING_NAN = 2;

    double predict(double[][] columns, int row) {
        if (leafValue.length == 1) {
            return leafValue[0];
        }
        int node = 0;
        while (node >= 0) {
            node = decide(columns[splitFeature[node]][row], node);
        }
        return leafValue[~node];
    }

    int decide(double value, int node) {
        return goesLeft(value, node) ? left[node] : right[node];
    }

    boolean goesLeft(double value, int node) {
        int type = decisionType[node];
        if ((type & CATEGORICAL) != 0) {
            // LightGBM 4's CategoricalDecision: a missing or negative category goes right.
            if (Double.isNaN(value)) {
                return false;
            }
            int category = (int) value;
            if (category < 0) {
                return false;
            }
            int set = (int) threshold[node];
            int from = catBoundaries[set];
            int words = catBoundaries[set + 1] - from;
            int word = category / 32;
            return word < words && ((catThreshold[from + word] >>> (category % 32)) & 1) != 0;
        }
        if (Math.abs(value) > ZERO) {
            return value <= threshold[node];
        }
        // Missing, or zero (LightGBM reads a row as its non-zero values, so |x| <= kZeroThreshold is 0):
        // NumericalDecision sends a missing value the default way unless the split has no missing
        // type (then it reads as 0), and a zero the default way when the missing type is zero.
        int missing = (type >> 2) & 3;
        if (Double.isNaN(value) ? missing != MISSING_NONE : missing == MISSING_ZERO) {
            return (type & DEFAULT_LEFT) != 0;
        }
        return 0.0 <= threshold[node];
    }
}
