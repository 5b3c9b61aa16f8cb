package com.pretadepenser.creditdesk.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The trees of a LightGBM model text, evaluated in Java for batch raw scores: LightGBM's dense
 * prediction copies each row into a sparse vector before walking the trees, which bounds it near
 * 60,000 clients/s on this model; walking the trees over the feature columns directly avoids the
 * copy. Decisions follow LightGBM's {@code Tree::NumericalDecision} and {@code CategoricalDecision}
 * (missing types, default directions, category bitsets); a test holds the scores equal to
 * LightGBM's for every client of the demo dataset.
 */
public final class TreeEnsemble {
    /** LightGBM's kZeroThreshold: |x| at or below it counts as zero. */
    private static final double ZERO = 1e-35f;
    private static final int CATEGORICAL = 1;
    private static final int DEFAULT_LEFT = 2;
    private static final int MISSING_ZERO = 1;
    private static final int MISSING_NAN = 2;
    private static final int BLOCK = 256;

    private final Tree[] trees;
    private final int featureCount;
    private TreeShap shap;
    private boolean shapBuilt;

    /** One tree in LightGBM's arrays: children below 0 are leaves ({@code ~child}). */
    record Tree(int[] splitFeature, double[] threshold, int[] decisionType, int[] left, int[] right, double[] leafValue,
                int[] catBoundaries, int[] catThreshold, double[] internalCount, double[] leafCount) {
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
                int category;
                if (Double.isNaN(value)) {
                    if (((type >> 2) & 3) == MISSING_NAN) {
                        return false;
                    }
                    category = 0;
                } else {
                    category = (int) value;
                    if (category < 0) {
                        return false;
                    }
                }
                int set = (int) threshold[node];
                int from = catBoundaries[set];
                int words = catBoundaries[set + 1] - from;
                int word = category / 32;
                return word < words && ((catThreshold[from + word] >>> (category % 32)) & 1) != 0;
            }
            int missing = (type >> 2) & 3;
            double x = value;
            if (Double.isNaN(x) && missing != MISSING_NAN) {
                x = 0.0;
            }
            if ((missing == MISSING_ZERO && x >= -ZERO && x <= ZERO) || (missing == MISSING_NAN && Double.isNaN(x))) {
                return (type & DEFAULT_LEFT) != 0;
            }
            return x <= threshold[node];
        }
    }

    private TreeEnsemble(Tree[] trees, int featureCount) {
        this.trees = trees;
        this.featureCount = featureCount;
    }

    /** Reads the trees of a LightGBM text model (binary objective, one tree per iteration). */
    public static TreeEnsemble parse(String modelText) {
        List<Tree> trees = new ArrayList<>();
        int featureCount = -1;
        String[] lines = modelText.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("max_feature_idx=")) {
                featureCount = Integer.parseInt(line.substring("max_feature_idx=".length())) + 1;
            } else if (line.startsWith("num_tree_per_iteration=") && !line.endsWith("=1")) {
                throw new ModelException("only binary models are supported, this one has " + line);
            } else if (line.startsWith("Tree=")) {
                java.util.Map<String, String> fields = new java.util.HashMap<>();
                int j = i + 1;
                for (; j < lines.length && !lines[j].isBlank(); j++) {
                    int eq = lines[j].indexOf('=');
                    if (eq > 0) {
                        fields.put(lines[j].substring(0, eq).strip(), lines[j].substring(eq + 1).strip());
                    }
                }
                trees.add(tree(fields, line));
                i = j;
            } else if (line.startsWith("end of trees")) {
                break;
            }
        }
        if (featureCount < 0 || trees.isEmpty()) {
            throw new ModelException("not a LightGBM text model: no max_feature_idx or no tree");
        }
        return new TreeEnsemble(trees.toArray(Tree[]::new), featureCount);
    }

    private static Tree tree(java.util.Map<String, String> f, String name) {
        int leaves = Integer.parseInt(require(f, "num_leaves", name));
        double[] leafValue = doubles(require(f, "leaf_value", name));
        if (leaves == 1) {
            return new Tree(new int[0], new double[0], new int[0], new int[0], new int[0], leafValue, new int[0], new int[0],
                    new double[0], new double[] {1});
        }
        int cats = Integer.parseInt(f.getOrDefault("num_cat", "0"));
        return new Tree(ints(require(f, "split_feature", name)), doubles(require(f, "threshold", name)),
                ints(require(f, "decision_type", name)), ints(require(f, "left_child", name)), ints(require(f, "right_child", name)),
                leafValue, cats > 0 ? ints(require(f, "cat_boundaries", name)) : new int[0],
                cats > 0 ? unsignedInts(require(f, "cat_threshold", name)) : new int[0],
                doubles(require(f, "internal_count", name)), doubles(require(f, "leaf_count", name)));
    }

    private static String require(java.util.Map<String, String> fields, String key, String tree) {
        String value = fields.get(key);
        if (value == null) {
            throw new ModelException(tree + " of the model text has no " + key);
        }
        return value;
    }

    private static int[] ints(String values) {
        return java.util.Arrays.stream(values.split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    private static int[] unsignedInts(String values) {
        return java.util.Arrays.stream(values.split(" ")).mapToInt(v -> (int) Long.parseLong(v)).toArray();
    }

    private static double[] doubles(String values) {
        return java.util.Arrays.stream(values.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    public int featureCount() {
        return featureCount;
    }

    Tree[] trees() {
        return trees;
    }

    public int treeCount() {
        return trees.length;
    }

    /**
     * Whether {@link #contributions} can explain this model: false only when a tree path holds more
     * than 63 distinct features (then ask LightGBM). The first call builds the TreeSHAP tables.
     */
    public boolean hasContributions() {
        return shap() != null;
    }

    private synchronized TreeShap shap() {
        if (!shapBuilt) {
            shap = TreeShap.build(trees, featureCount, TreeShap.TABLE_DEPTH);
            shapBuilt = true;
        }
        return shap;
    }

    /**
     * TreeSHAP contributions of {@code rows} rows given as one column per model feature, in model
     * order: per row, one log-odds value per feature then the bias ({@code featureCount + 1}
     * values, LightGBM's {@code C_API_PREDICT_CONTRIB} layout), each row summing to its raw score.
     * Equal to LightGBM's own (see {@link TreeShap}); blocks of rows run in parallel.
     */
    public double[] contributions(double[][] columns, int rows) {
        requireColumns(columns);
        TreeShap tables = shap();
        if (tables == null) {
            throw new ModelException("this model's trees are too deep for the Java TreeSHAP; use LightGBM's contributions");
        }
        return tables.contributions(columns, rows);
    }

    /** The same with the tables limited to paths of {@code tableDepth} features, for tests of the untabulated sums. */
    double[] contributions(double[][] columns, int rows, int tableDepth) {
        requireColumns(columns);
        return TreeShap.build(trees, featureCount, tableDepth).contributions(columns, rows);
    }

    private void requireColumns(double[][] columns) {
        if (columns.length != featureCount) {
            throw new IllegalArgumentException(columns.length + " feature columns for a model of " + featureCount + " features");
        }
    }

    /**
     * Raw scores (log-odds) of {@code rows} rows given as one column per model feature, in model
     * order; blocks of rows run in parallel on the common pool.
     */
    public double[] rawScores(double[][] columns, int rows) {
        requireColumns(columns);
        double[] out = new double[rows];
        int blocks = (rows + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * BLOCK;
            int to = Math.min(rows, from + BLOCK);
            for (Tree tree : trees) {
                for (int r = from; r < to; r++) {
                    out[r] += tree.predict(columns, r);
                }
            }
        });
        return out;
    }
}
