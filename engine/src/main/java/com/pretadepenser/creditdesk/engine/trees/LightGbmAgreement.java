package com.pretadepenser.creditdesk.engine.trees;

import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The check that the Java TreeSHAP ({@link TreeEnsemble#contributions}) gives LightGBM's own
 * values for a model, run once for any model before the Java walk explains it, and the probe rows
 * it is run on.
 */
public final class LightGbmAgreement {
    /** Rows the Java contributions are checked on, at least: more when a feature has more split values to place. */
    static final int PROBE_ROWS = 100;
    private static final Logger LOG = Logger.getLogger(LightGbmAgreement.class.getName());

    private LightGbmAgreement() {
    }

    /**
     * Whether {@link TreeEnsemble#contributions} gives LightGBM's own values for this model: checked
     * on rows that travel both ways through every split (the check fails if they do not), each value
     * within 1e-9 (relative beyond 1) of {@code C_API_PREDICT_CONTRIB}. False, with the reason
     * logged, when they differ, when the trees are too deep for the Java walk, or when the check
     * itself fails.
     */
    public static boolean contributionsAgree(TreeEnsemble trees, LightGbmBooster booster) {
        return agrees(trees, () -> ContributionReference.compute(trees, booster, ""), "LightGBM's", "LightGBM explains this model");
    }

    /**
     * The same check against LightGBM's contributions kept beside the model
     * ({@link ContributionReference}), without LightGBM: true when the Java walk gives them on the
     * reference's rows and those rows travel both ways through every split. False (logged) otherwise:
     * then {@link #contributionsAgree} with LightGBM itself decides.
     */
    public static boolean agreesWith(TreeEnsemble trees, ContributionReference reference) {
        return agrees(trees, () -> reference, "the contributions kept beside the model", "LightGBM checks it");
    }

    /** The check of both: false with the reason and {@code then} logged when it fails, never an exception. */
    private static boolean agrees(TreeEnsemble trees, java.util.function.Supplier<ContributionReference> lightGbm, String against,
                                  String then) {
        try {
            String why = !trees.hasContributions() ? "the trees are too deep for the Java TreeSHAP" : disagreement(trees, lightGbm.get());
            if (why != null) {
                LOG.warning(why + " (against " + against + "); " + then);
            }
            return why == null;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking the Java TreeSHAP against " + against + " failed; " + then, e);
            return false;
        }
    }

    /** Why the Java walk does not give the reference's contributions on its rows, or null when it does. */
    private static String disagreement(TreeEnsemble trees, ContributionReference reference) {
        if (reference.featureCount() != trees.featureCount()) {
            return "the reference has " + reference.featureCount() + " features, the model " + trees.featureCount();
        }
        if (!travelsEveryBranch(trees, reference.columns(), reference.rows())) {
            return "the probe rows miss a branch of this model";
        }
        double[] ours = trees.contributions(reference.columns(), reference.rows());
        double[] lightGbm = reference.contributions();
        for (int i = 0; i < ours.length; i++) {
            if (!(Math.abs(ours[i] - lightGbm[i]) <= 1e-9 * Math.max(1, Math.abs(lightGbm[i])))) {
                return "the Java TreeSHAP differs from LightGBM's (" + ours[i] + " against " + lightGbm[i] + ")";
            }
        }
        return null;
    }

    /** How many probe rows a model is checked on: {@link #PROBE_ROWS}, or more when a feature has more values to place. */
    static int probeRows(TreeEnsemble trees) {
        return Math.max(PROBE_ROWS, probeValues(trees).stream().mapToInt(List::size).max().orElse(0));
    }

    /** Whether, for every split of every tree, some row goes left and some goes right. */
    static boolean travelsEveryBranch(TreeEnsemble trees, double[][] columns, int rows) {
        for (Tree tree : trees.trees()) {
            for (int node = 0; node < tree.splitFeature().length; node++) {
                boolean left = false;
                boolean right = false;
                double[] column = columns[tree.splitFeature()[node]];
                for (int r = 0; r < rows && !(left && right); r++) {
                    boolean goesLeft = tree.goesLeft(column[r], node);
                    left |= goesLeft;
                    right |= !goesLeft;
                }
                if (!(left && right)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Rows made to travel every branch of the model, one column per feature: for each feature,
     * values at and just above its split thresholds, categories of its category splits and one
     * outside them, zeros and missing values, drawn at random with {@code seed}, and in every
     * column its lowest cut, a value above its highest and each of its categories.
     */
    public static double[][] probeColumns(TreeEnsemble trees, int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<Double>> thresholds = new ArrayList<>();
        List<SortedSet<Integer>> categories = new ArrayList<>();
        splitValues(trees, thresholds, categories);
        List<List<Double>> sure = probeValues(thresholds, categories);
        double[][] columns = new double[trees.featureCount()][rows];
        for (int f = 0; f < trees.featureCount(); f++) {
            List<Double> cuts = thresholds.get(f);
            List<Integer> levels = new ArrayList<>(categories.get(f));
            for (int r = 0; r < rows; r++) {
                double p = rng.nextDouble();
                double value;
                if (p < 0.1) {
                    value = Double.NaN;
                } else if (p < 0.15) {
                    value = 0;
                } else if (!levels.isEmpty() && (cuts.isEmpty() || rng.nextBoolean())) {
                    value = rng.nextInt(10) == 0 ? levels.get(levels.size() - 1) + 1 : levels.get(rng.nextInt(levels.size()));
                } else if (!cuts.isEmpty()) {
                    double cut = cuts.get(rng.nextInt(cuts.size()));
                    value = rng.nextBoolean() ? cut : Math.nextUp(cut);
                } else {
                    value = rng.nextGaussian();
                }
                columns[f][r] = value;
            }
            // Then, so that every split is seen both ways: the lowest cut (left of every cut), just
            // above the highest (right of every cut), and each category, in rows that vary by feature.
            int shift = rows > 0 ? rng.nextInt(rows) : 0;
            List<Double> values = sure.get(f);
            for (int i = 0; i < Math.min(rows, values.size()); i++) {
                columns[f][(shift + i) % rows] = values.get(i);
            }
        }
        return columns;
    }

    /** Per feature, the values every probe set must hold: its lowest cut, just above its highest, each category. */
    private static List<List<Double>> probeValues(TreeEnsemble trees) {
        List<List<Double>> thresholds = new ArrayList<>();
        List<SortedSet<Integer>> categories = new ArrayList<>();
        splitValues(trees, thresholds, categories);
        return probeValues(thresholds, categories);
    }

    private static List<List<Double>> probeValues(List<List<Double>> thresholds, List<SortedSet<Integer>> categories) {
        List<List<Double>> sure = new ArrayList<>();
        for (int f = 0; f < thresholds.size(); f++) {
            List<Double> values = new ArrayList<>();
            List<Double> cuts = thresholds.get(f);
            if (!cuts.isEmpty()) {
                values.add(Collections.min(cuts));
                values.add(Math.nextUp(Collections.max(cuts)));
            }
            categories.get(f).forEach(level -> values.add((double) level));
            sure.add(values);
        }
        return sure;
    }

    /** Each feature's numeric split thresholds and the categories its category splits name. */
    private static void splitValues(TreeEnsemble trees, List<List<Double>> thresholds, List<SortedSet<Integer>> categories) {
        for (int f = 0; f < trees.featureCount(); f++) {
            thresholds.add(new ArrayList<>());
            categories.add(new TreeSet<>());
        }
        for (Tree tree : trees.trees()) {
            for (int node = 0; node < tree.splitFeature().length; node++) {
                int feature = tree.splitFeature()[node];
                if ((tree.decisionType()[node] & Tree.CATEGORICAL) == 0) {
                    thresholds.get(feature).add(tree.threshold()[node]);
                    continue;
                }
                int set = (int) tree.threshold()[node];
                for (int i = tree.catBoundaries()[set]; i < tree.catBoundaries()[set + 1]; i++) {
                    for (int bit = 0; bit < 32; bit++) {
                        if ((tree.catThreshold()[i] >>> bit & 1) != 0) {
                            categories.get(feature).add(32 * (i - tree.catBoundaries()[set]) + bit);
                        }
                    }
                }
            }
        }
    }
}
