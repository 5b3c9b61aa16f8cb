package com.pretadepenser.creditdesk.engine.training;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Stratified folds: defaulters and repayers are shuffled separately (seeded) and dealt out in turn. */
public final class StratifiedFolds {
    private StratifiedFolds() {
    }

    /** The fold (0 to {@code folds - 1}) of each row; every fold gets the default rate of the whole. */
    public static int[] assign(int[] target, int folds, long seed) {
        int[] fold = new int[target.length];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int label = 0; label <= 1; label++) {
            final int wanted = label;
            int[] rows = IntStream.range(0, target.length).filter(i -> target[i] == wanted).toArray();
            for (int i = rows.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            for (int i = 0; i < rows.length; i++) {
                fold[rows[i]] = i % folds;
            }
        }
        return fold;
    }
}
