package com.pretadepenser.creditdesk.engine.lightgbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.trees.LightGbmAgreement;
import com.pretadepenser.creditdesk.engine.trees.TreeEnsemble;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bagged boosters become one model file whose raw score is the mean of theirs. */
class AveragedModelTest {
    private static LightGbmBooster.Matrix data(int rows, long seed, float[] labels) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] values = new double[rows * 3];
        for (int r = 0; r < rows; r++) {
            double x0 = rng.nextGaussian();
            double x1 = rng.nextDouble() < 0.2 ? Double.NaN : rng.nextGaussian();
            int x2 = rng.nextInt(4);
            values[3 * r] = x0;
            values[3 * r + 1] = x1;
            values[3 * r + 2] = x2;
            double logit = -1 + x0 + (Double.isNaN(x1) ? 0.5 : 0.3 * x1) + (x2 == 1 ? 0.8 : 0);
            labels[r] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return new LightGbmBooster.Matrix(values, rows, List.of("x0", "x1", "x2"), new int[] {2});
    }

    private static LightGbmBooster fit(LightGbmBooster.Matrix train, float[] labels, int seed, int rounds) {
        Map<String, String> params = Map.of("learning_rate", "0.1", "num_leaves", "7", "min_data_in_leaf", "20",
                "feature_fraction", "0.7", "bagging_fraction", "0.7", "bagging_freq", "1", "seed", Integer.toString(seed),
                "deterministic", "true", "num_threads", "1");
        return LightGbmBooster.train(train, labels, null, null, params, rounds, rounds, ProgressMonitor.NONE);
    }

    @Test
    void theAveragedModelScoresTheMeanOfItsBoostersInLightGbmAndInJava() {
        float[] labels = new float[2000];
        LightGbmBooster.Matrix train = data(2000, 1, labels);
        LightGbmBooster.Matrix test = data(500, 2, new float[500]);
        try (LightGbmBooster a = fit(train, labels, 1, 30); LightGbmBooster b = fit(train, labels, 2, 30);
             LightGbmBooster c = fit(train, labels, 3, 25); LightGbmBooster mean = LightGbmBooster.averaged(List.of(a, b, c))) {
            double[] ra = a.rawScores(test.values(), 500, 1);
            double[] rb = b.rawScores(test.values(), 500, 1);
            double[] rc = c.rawScores(test.values(), 500, 1);
            double[] averaged = mean.rawScores(test.values(), 500, 1);
            TreeEnsemble trees = TreeEnsemble.parse(mean.modelText());
            double[][] columns = new double[3][500];
            for (int r = 0; r < 500; r++) {
                for (int f = 0; f < 3; f++) {
                    columns[f][r] = test.values()[3 * r + f];
                }
            }
            double[] java = trees.rawScores(columns, 500);
            double spread = 0;
            for (int r = 0; r < 500; r++) {
                double expected = (ra[r] + rb[r] + rc[r]) / 3;
                assertEquals(expected, averaged[r], 1e-9, "LightGBM, row " + r);
                assertEquals(expected, java[r], 1e-9, "Java tree walk, row " + r);
                spread = Math.max(spread, Math.abs(ra[r] - rb[r]));
            }
            assertTrue(spread > 0.01, "the boosters differ (seeds), largest gap " + spread);
            assertEquals(85, trees.treeCount(), "every booster's trees");
            assertTrue(LightGbmAgreement.contributionsAgree(trees, mean), "the Java TreeSHAP explains the averaged model as LightGBM does");
        }
    }

    @Test
    void oneBoosterAveragedIsItself() {
        float[] labels = new float[1000];
        LightGbmBooster.Matrix train = data(1000, 3, labels);
        try (LightGbmBooster a = fit(train, labels, 1, 10); LightGbmBooster same = LightGbmBooster.averaged(List.of(a))) {
            assertEquals(a.modelText(), same.modelText());
        }
    }
}
