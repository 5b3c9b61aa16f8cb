package com.pretadepenser.creditdesk.engine.trees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.trees.TreeShap;
import com.pretadepenser.creditdesk.engine.trees.TreeEnsemble;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Java TreeSHAP gives the Shapley values of the path-dependent expectation (checked by
 * enumeration on a small tree) and LightGBM's own contributions (checked on a trained model, with
 * and without the per-leaf tables).
 */
class TreeShapTest {
    /**
     * One tree over 3 features; feature 0 splits twice on the path to leaves 0 and 1, a missing x1
     * goes left. Counts: root 100 = node1 60 + leaf2 40; node1 60 = node2 45 + leaf3 15;
     * node2 45 = leaf0 25 + leaf1 20.
     */
    private static final String TOY = toy("0 1 0", "5 2 1", "2 10 2");
    /** The same shape, x1 then x0 twice: the bottom split repeats the last feature of its path. */
    private static final String TOY_REPEATING_LAST = toy("1 0 0", "2 5 1", "10 2 2");
    /** The same shape, x0, x1, then x2: two sibling leaves under a feature new to their path. */
    private static final String TOY_SIBLINGS = toy("0 1 2", "5 2 3", "2 10 2");

    private static String toy(String features, String thresholds, String decisionTypes) {
        return String.join("\n",
                "tree", "version=v4", "num_class=1", "num_tree_per_iteration=1", "max_feature_idx=2", "",
                "Tree=0", "num_leaves=4", "num_cat=0",
                "split_feature=" + features, "threshold=" + thresholds, "decision_type=" + decisionTypes,
                "left_child=1 2 -1", "right_child=-3 -4 -2",
                "leaf_value=0.5 -0.25 1.25 -1",
                "internal_count=100 60 45", "leaf_count=25 20 40 15", "shrinkage=1", "",
                "end of trees", "");
    }

    /** Contributions with no path tabulated: every leaf summed from the polynomials of its z. */
    private static double[] untabulated(TreeEnsemble trees, double[][] columns, int rows) {
        return TreeShap.build(trees.trees(), trees.featureCount(), 0).contributions(columns, rows);
    }

    /** E[f(x) | x_S]: follow x on features of S, average the branches by training count elsewhere. */
    private static double expectation(Tree tree, double[][] columns, int node, int subset) {
        if (node < 0) {
            return tree.leafValue()[~node];
        }
        int feature = tree.splitFeature()[node];
        if ((subset >> feature & 1) != 0) {
            return expectation(tree, columns, tree.decide(columns[feature][0], node), subset);
        }
        double total = tree.internalCount()[node];
        return expectation(tree, columns, tree.left()[node], subset) * count(tree, tree.left()[node]) / total
                + expectation(tree, columns, tree.right()[node], subset) * count(tree, tree.right()[node]) / total;
    }

    private static double count(Tree tree, int node) {
        return node >= 0 ? tree.internalCount()[node] : tree.leafCount()[~node];
    }

    private static double factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    /** Shapley values of the 3 features by enumerating every coalition. */
    private static double[] enumerated(Tree tree, double[][] columns) {
        int n = 3;
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < 1 << n; s++) {
                if ((s >> i & 1) != 0) {
                    continue;
                }
                int size = Integer.bitCount(s);
                double weight = factorial(size) * factorial(n - size - 1) / factorial(n);
                phi[i] += weight * (expectation(tree, columns, 0, s | 1 << i) - expectation(tree, columns, 0, s));
            }
        }
        return phi;
    }

    @Test
    void givesTheShapleyValuesOfThePathDependentExpectation() {
        for (String text : new String[] {TOY, TOY_REPEATING_LAST, TOY_SIBLINGS}) {
            assertShapleyValues(TreeEnsemble.parse(text));
        }
        TreeEnsemble toy = TreeEnsemble.parse(TOY);
        assertEquals(0.0, toy.contributions(new double[][] {{9}, {0}, {0}}, 1)[2], "a feature the tree never splits on gets nothing");
    }

    private static void assertShapleyValues(TreeEnsemble toy) {
        Tree tree = toy.trees()[0];
        double[][] clients = {{0.5, 1, 7}, {3, 1, 0}, {3, Double.NaN, 0}, {9, 0, 0}, {0.5, 4, 2}, {0.5, 1, 2}, {2, 9, 4}, {7, Double.NaN, 5}};
        for (int depth : new int[] {TreeShap.TABLE_DEPTH, 0}) {
            // One client at a time, and all eight together in a block (the batch layout).
            double[][] all = new double[3][clients.length];
            for (int c = 0; c < clients.length; c++) {
                for (int f = 0; f < 3; f++) {
                    all[f][c] = clients[c][f];
                }
            }
            double[] batch = depth == 0 ? untabulated(toy, all, clients.length) : toy.contributions(all, clients.length);
            for (int c = 0; c < clients.length; c++) {
                double[] client = clients[c];
                double[][] columns = {{client[0]}, {client[1]}, {client[2]}};
                double[] ours = depth == 0 ? untabulated(toy, columns, 1) : toy.contributions(columns, 1);
                double[] expected = enumerated(tree, columns);
                for (int f = 0; f < 3; f++) {
                    assertEquals(expected[f], ours[f], 1e-12, "feature " + f + " of " + java.util.Arrays.toString(client));
                }
                assertEquals(expectation(tree, columns, 0, 0), ours[3], 1e-12, "bias");
                assertEquals(toy.rawScores(columns, 1)[0], ours[0] + ours[1] + ours[2] + ours[3], 1e-12, "sum");
                for (int f = 0; f < 4; f++) {
                    assertEquals(ours[f], batch[c * 4 + f], 1e-12, "value " + f + " of " + java.util.Arrays.toString(client) + " in a block");
                }
            }
        }
    }

    /** Six features, two with missing values, one categorical with 6 levels; deep enough trees for repeated features. */
    private static LightGbmBooster.Matrix data(int rows, long seed, float[] labels) {
        SplittableRandom rng = new SplittableRandom(seed);
        int width = 6;
        double[] values = new double[rows * width];
        for (int r = 0; r < rows; r++) {
            double x0 = rng.nextGaussian();
            double x1 = rng.nextGaussian();
            double x2 = rng.nextDouble() * 10;
            int x3 = rng.nextInt(6);
            double x4 = rng.nextDouble() < 0.3 ? 0 : rng.nextGaussian();
            values[width * r] = x0;
            values[width * r + 1] = rng.nextDouble() < 0.15 ? Double.NaN : x1;
            values[width * r + 2] = rng.nextDouble() < 0.1 ? Double.NaN : x2;
            values[width * r + 3] = x3;
            values[width * r + 4] = x4;
            values[width * r + 5] = rng.nextGaussian();
            double logit = -1 + 1.5 * x0 + 0.7 * x1 * x0 + Math.sin(x2) + (x3 % 2 == 0 ? 0.8 : -0.3) + 0.4 * x4;
            labels[r] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return new LightGbmBooster.Matrix(values, rows, List.of("x0", "x1", "x2", "x3", "x4", "x5"), new int[] {3});
    }

    @Test
    void equalsLightGbmsContributionsOnATrainedModel() {
        float[] labels = new float[4000];
        LightGbmBooster.Matrix train = data(4000, 3, labels);
        Map<String, String> params = Map.of("learning_rate", "0.1", "num_leaves", "31", "min_data_in_leaf", "10",
                "seed", "1", "deterministic", "true", "num_threads", "1");
        try (LightGbmBooster model = LightGbmBooster.train(train, labels, null, null, params, 60, 0, ProgressMonitor.NONE)) {
            float[] unused = new float[1500];
            LightGbmBooster.Matrix test = data(1500, 4, unused);
            int width = 6;
            double[][] columns = new double[width][test.rows()];
            for (int r = 0; r < test.rows(); r++) {
                for (int f = 0; f < width; f++) {
                    columns[f][r] = test.values()[r * width + f];
                }
            }
            TreeEnsemble trees = TreeEnsemble.parse(model.modelText());
            double[] lightGbm = model.contributions(test.values(), test.rows(), 2);
            double[] tabulated = trees.contributions(columns, test.rows());
            double[] untabulated = untabulated(trees, columns, test.rows());
            assertEquals(lightGbm.length, tabulated.length);
            double largest = 0;
            for (int i = 0; i < lightGbm.length; i++) {
                assertEquals(lightGbm[i], tabulated[i], 1e-9, "value " + i % (width + 1) + " of row " + i / (width + 1));
                assertEquals(lightGbm[i], untabulated[i], 1e-9, "untabulated value " + i % (width + 1) + " of row " + i / (width + 1));
                largest = Math.max(largest, Math.abs(lightGbm[i]));
            }
            assertTrue(largest > 0.5, "the model gives real contributions, largest " + largest);

            // One row at a time takes the path without blocks (a client on screen).
            for (int r = 0; r < 100; r++) {
                double[][] one = new double[width][];
                for (int f = 0; f < width; f++) {
                    one[f] = new double[] {columns[f][r]};
                }
                double[] single = trees.contributions(one, 1);
                for (int f = 0; f <= width; f++) {
                    assertEquals(lightGbm[r * (width + 1) + f], single[f], 1e-9, "value " + f + " of row " + r + " alone");
                }
            }
        }
    }

    @Test
    void probeRowsTravelBothBranchesOfEverySplitAndAgreeWithLightGbm() {
        probeAgainstLightGbm(Map.of());
    }

    @Test
    void probeRowsOfTheShippedModelTravelBothBranchesOfEverySplit() throws java.io.IOException {
        java.nio.file.Path model = null;
        for (java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath(); dir != null && model == null; dir = dir.getParent()) {
            java.nio.file.Path candidate = dir.resolve("models/default/model.txt");
            model = java.nio.file.Files.isRegularFile(candidate) ? candidate : null;
        }
        assertTrue(model != null, "models/default/model.txt above " + java.nio.file.Path.of("").toAbsolutePath());
        TreeEnsemble trees = TreeEnsemble.parse(java.nio.file.Files.readString(model));
        // As many rows as ScoringModel checks a model on (its 58 organisation types included).
        assertEveryBranchTravelled(trees, LightGbmAgreement.probeColumns(trees, LightGbmAgreement.PROBE_ROWS, 1), LightGbmAgreement.PROBE_ROWS);
        assertTrue(LightGbmAgreement.travelsEveryBranch(trees, LightGbmAgreement.probeColumns(trees, LightGbmAgreement.PROBE_ROWS, 1), LightGbmAgreement.PROBE_ROWS));
        double[][] allMissing = new double[trees.featureCount()][LightGbmAgreement.PROBE_ROWS];
        for (double[] column : allMissing) {
            java.util.Arrays.fill(column, Double.NaN);
        }
        assertFalse(LightGbmAgreement.travelsEveryBranch(trees, allMissing, LightGbmAgreement.PROBE_ROWS), "missing values alone go one way at each split");
    }

    private static void assertEveryBranchTravelled(TreeEnsemble trees, double[][] probes, int rows) {
        for (Tree tree : trees.trees()) {
            for (int node = 0; node < tree.splitFeature().length; node++) {
                boolean left = false;
                boolean right = false;
                for (int r = 0; r < rows; r++) {
                    boolean goesLeft = tree.goesLeft(probes[tree.splitFeature()[node]][r], node);
                    left |= goesLeft;
                    right |= !goesLeft;
                }
                assertTrue(left && right, "node " + node + " on feature " + tree.splitFeature()[node] + " seen both ways");
            }
        }
    }

    @Test
    void theCheckRefusesTreesThatAreNotTheBoostersOwn() {
        float[] labels = new float[2000];
        Map<String, String> params = Map.of("learning_rate", "0.1", "num_leaves", "15", "seed", "1", "deterministic", "true", "num_threads", "1");
        try (LightGbmBooster first = LightGbmBooster.train(data(2000, 7, labels), labels, null, null, params, 20, 0, ProgressMonitor.NONE);
             LightGbmBooster second = LightGbmBooster.train(data(2000, 8, labels), labels, null, null, params, 20, 0, ProgressMonitor.NONE)) {
            assertTrue(LightGbmAgreement.contributionsAgree(TreeEnsemble.parse(first.modelText()), first));
            assertFalse(LightGbmAgreement.contributionsAgree(TreeEnsemble.parse(first.modelText()), second), "another model's contributions differ");
        }
    }

    @Test
    void probeRowsAgreeWithLightGbmWhenZeroMeansMissing() {
        // Splits whose missing type is "zero": a 0 (or |x| <= 1e-35) and a NaN both go the default way.
        probeAgainstLightGbm(Map.of("zero_as_missing", "true"));
    }

    private static void probeAgainstLightGbm(Map<String, String> extra) {
        float[] labels = new float[4000];
        LightGbmBooster.Matrix train = data(4000, 5, labels);
        Map<String, String> params = new java.util.HashMap<>(Map.of("learning_rate", "0.1", "num_leaves", "31", "min_data_in_leaf", "10",
                "seed", "1", "deterministic", "true", "num_threads", "1"));
        params.putAll(extra);
        try (LightGbmBooster model = LightGbmBooster.train(train, labels, null, null, params, 40, 0, ProgressMonitor.NONE)) {
            TreeEnsemble trees = TreeEnsemble.parse(model.modelText());
            int missingType = extra.containsKey("zero_as_missing") ? 1 : 2;
            assertTrue(java.util.Arrays.stream(trees.trees()).anyMatch(t -> java.util.Arrays.stream(t.decisionType())
                    .anyMatch(type -> (type & 1) == 0 && (type >> 2 & 3) == missingType)), "splits of missing type " + missingType);
            int rows = LightGbmAgreement.PROBE_ROWS;
            double[][] probes = LightGbmAgreement.probeColumns(trees, rows, 1);
            assertEveryBranchTravelled(trees, probes, rows);
            double[] rowMajor = new double[rows * 6];
            for (int f = 0; f < 6; f++) {
                for (int r = 0; r < rows; r++) {
                    rowMajor[r * 6 + f] = probes[f][r];
                }
            }
            double[] lightGbmRaw = model.rawScores(rowMajor, rows, 1);
            double[] ourRaw = trees.rawScores(probes, rows);
            for (int r = 0; r < rows; r++) {
                // Missing and negative categories go right; |x| <= 1e-35 reads as zero, as LightGBM reads rows.
                assertEquals(lightGbmRaw[r], ourRaw[r], 1e-12, "raw score of probe " + r);
            }
            assertTrue(LightGbmAgreement.contributionsAgree(trees, model), "the check a model passes before the Java walk explains it");
            double[] lightGbm = model.contributions(rowMajor, rows, 1);
            double[] ours = trees.contributions(probes, rows);
            for (int i = 0; i < ours.length; i++) {
                assertEquals(lightGbm[i], ours[i], 1e-9, "probe value " + i);
            }
        }
    }
}
