package com.pretadepenser.creditdesk.engine.trees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.lightgbm.ModelException;
import com.pretadepenser.creditdesk.engine.trees.TreeEnsemble;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The model-text reader takes every number LightGBM writes, and its trees then score as LightGBM's. */
class TreeEnsembleNumbersTest {
    /**
     * x0 < inf (i.e. present) goes left, missing right; then x1 <= -inf never left but for -inf
     * itself; a leaf value and a gain of extreme exponents.
     */
    private static final String HAND_WRITTEN = String.join("\n",
            "tree", "version=v4", "num_class=1", "num_tree_per_iteration=1", "max_feature_idx=1", "",
            "Tree=0", "num_leaves=3", "num_cat=0",
            "split_feature=0 1", "split_gain=inf 1.5e-300", "threshold=inf -inf", "decision_type=8 2",
            "left_child=1 -1", "right_child=-3 -2",
            "leaf_value=1.0000000180025095e-35 -4.5e+2 nan", "leaf_weight=1 2 3",
            "leaf_count=10 20 30", "internal_value=0 0", "internal_weight=0 0", "internal_count=60 30", "shrinkage=1", "",
            "end of trees", "");

    @Test
    void readsInfiniteThresholdsAndExtremeValuesOfAHandWrittenModel() {
        TreeEnsemble trees = TreeEnsemble.parse(HAND_WRITTEN);
        double[][] columns = {{1, 1, Double.NaN}, {5, Double.NEGATIVE_INFINITY, 0}};
        double[] raw = trees.rawScores(columns, 3);
        assertEquals(-450, raw[0], 0, "present x0, x1 above -inf: right of the second split");
        assertEquals(1.0000000180025095e-35, raw[1], 0, "x1 = -inf goes left");
        assertTrue(Double.isNaN(raw[2]), "missing x0 goes right, to the nan leaf");
    }

    @Test
    void namesTheTreeAndFieldOfAnUnreadableNumber() {
        String broken = HAND_WRITTEN.replace("threshold=inf -inf", "threshold=inf minus-inf");
        ModelException e = assertThrows(ModelException.class, () -> TreeEnsemble.parse(broken));
        assertTrue(e.getMessage().contains("Tree=0") && e.getMessage().contains("threshold") && e.getMessage().contains("minus-inf"),
                e.getMessage());
    }

    /** x0 holds +inf and -inf (a ratio over zero), x1 is missing for a fifth of the rows and decides the label. */
    private static LightGbmBooster.Matrix data(int rows, long seed, float[] labels) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] values = new double[rows * 2];
        for (int r = 0; r < rows; r++) {
            double p = rng.nextDouble();
            double x0 = p < 0.1 ? Double.POSITIVE_INFINITY : p < 0.2 ? Double.NEGATIVE_INFINITY : rng.nextGaussian();
            boolean missing = rng.nextDouble() < 0.2;
            double x1 = rng.nextGaussian();
            values[2 * r] = x0;
            values[2 * r + 1] = missing ? Double.NaN : x1;
            double logit = (missing ? 2 : -1 + 0.2 * x1) + (x0 == Double.POSITIVE_INFINITY ? 1 : x0 == Double.NEGATIVE_INFINITY ? -1 : 0.3 * x0);
            labels[r] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return new LightGbmBooster.Matrix(values, rows, List.of("x0", "x1"), new int[0]);
    }

    @Test
    void readsAModelTrainedOnInfinitiesAndMissingValuesAndScoresAsLightGbm() {
        float[] labels = new float[3000];
        LightGbmBooster.Matrix train = data(3000, 7, labels);
        Map<String, String> params = Map.of("learning_rate", "0.1", "num_leaves", "15", "min_data_in_leaf", "20",
                "seed", "1", "deterministic", "true", "num_threads", "1");
        try (LightGbmBooster model = LightGbmBooster.train(train, labels, null, null, params, 40, 0, ProgressMonitor.NONE)) {
            String text = model.modelText();
            assertTrue(text.matches("(?s).*threshold=[^\\n]*\\binf\\b.*"), "LightGBM wrote an infinite threshold");
            TreeEnsemble trees = TreeEnsemble.parse(text);
            LightGbmBooster.Matrix test = data(1000, 8, new float[1000]);
            double[][] columns = new double[2][1000];
            for (int r = 0; r < 1000; r++) {
                columns[0][r] = test.values()[2 * r];
                columns[1][r] = test.values()[2 * r + 1];
            }
            double[] ours = trees.rawScores(columns, 1000);
            double[] lightGbm = model.rawScores(test.values(), 1000, 1);
            for (int r = 0; r < 1000; r++) {
                assertEquals(lightGbm[r], ours[r], 1e-12, "row " + r + " (x0 " + columns[0][r] + ", x1 " + columns[1][r] + ")");
            }
            assertTrue(LightGbmAgreement.contributionsAgree(trees, model), "the Java TreeSHAP agrees with LightGBM on this model");
        }
    }
}
