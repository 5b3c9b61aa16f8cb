package com.pretadepenser.creditdesk.engine.trees;

import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmNumbers;
import com.pretadepenser.creditdesk.engine.lightgbm.ModelException;
import java.util.ArrayList;
import java.util.List;

/** Reads LightGBM's text model format (v4) into the arrays of each tree; errors name the tree and the field. */
final class TreeModelParser {
    private TreeModelParser() {
    }

    /** Reads the trees of a LightGBM text model (binary objective, one tree per iteration). */
    static TreeEnsemble parse(String modelText) {
        checkTreeSizes(modelText);
        List<Tree> trees = new ArrayList<>();
        int featureCount = -1;
        String[] lines = modelText.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("max_feature_idx=")) {
                try {
                    featureCount = Integer.parseInt(line.substring("max_feature_idx=".length())) + 1;
                } catch (NumberFormatException e) {
                    throw new ModelException(EngineMessage.TREES_NOT_A_MODEL);
                }
            } else if ((line.startsWith("feature_names=") || line.startsWith("feature_infos=")) && featureCount >= 0) {
                String key = line.substring(0, line.indexOf('='));
                int count = line.substring(key.length() + 1).isBlank() ? 0 : line.substring(key.length() + 1).strip().split(" +").length;
                if (count != featureCount) {
                    throw new ModelException(EngineMessage.TREES_FIELD_LENGTH, "the header", key, count, featureCount, featureCount);
                }
            } else if (line.startsWith("num_tree_per_iteration=") && !line.endsWith("=1")) {
                throw new ModelException(EngineMessage.TREES_NOT_BINARY, line);
            } else if (line.startsWith("Tree=")) {
                java.util.Map<String, String> fields = new java.util.HashMap<>();
                int j = i + 1;
                for (; j < lines.length && !lines[j].isBlank(); j++) {
                    int eq = lines[j].indexOf('=');
                    if (eq > 0) {
                        fields.put(lines[j].substring(0, eq).strip(), lines[j].substring(eq + 1).strip());
                    }
                }
                trees.add(tree(fields, line, featureCount));
                i = j;
            } else if (line.startsWith("end of trees")) {
                break;
            }
        }
        if (featureCount < 0 || trees.isEmpty()) {
            throw new ModelException(EngineMessage.TREES_NOT_A_MODEL);
        }
        return new TreeEnsemble(trees.toArray(Tree[]::new), featureCount);
    }

    /**
     * Checks what LightGBM's own reader takes on trust: it cuts the text into trees by
     * {@code tree_sizes} and reads each tree's arrays in parallel threads, where a count that does
     * not match stops the whole process (found by {@code ModelFolderFuzzTest}). So the sizes must
     * land on each "Tree=" and on "end of trees", and every array must have its tree's length.
     */
    private static void checkTreeSizes(String text) {
        int at = text.indexOf("\ntree_sizes=");
        int first = text.indexOf("\nTree=");
        if (at < 0 || first < 0) {
            return;
        }
        int end = text.indexOf('\n', at + 1);
        String[] sizes = text.substring(at + "\ntree_sizes=".length(), end < 0 ? text.length() : end).strip().split(" +");
        long offset = first + 1;
        for (int t = 0; t < sizes.length; t++) {
            if (offset > text.length() || !text.startsWith("Tree=", (int) offset)) {
                throw new ModelException(EngineMessage.TREES_SIZES_MISMATCH, t);
            }
            try {
                offset += Long.parseLong(sizes[t]);
            } catch (NumberFormatException e) {
                throw new ModelException(EngineMessage.TREES_SIZES_MISMATCH, t);
            }
        }
        if (offset > text.length() || !text.startsWith("end of trees", (int) offset)) {
            throw new ModelException(EngineMessage.TREES_SIZES_MISMATCH, sizes.length);
        }
    }

    /** The per-node and per-leaf arrays of a tree in LightGBM's text, which its reader counts strictly. */
    private static final List<String> NODE_ARRAYS = List.of("split_feature", "split_gain", "threshold", "decision_type",
            "left_child", "right_child", "internal_value", "internal_weight", "internal_count");
    private static final List<String> LEAF_ARRAYS = List.of("leaf_value", "leaf_weight", "leaf_count");

    private static Tree tree(java.util.Map<String, String> f, String name, int featureCount) {
        int leaves = ints(f, "num_leaves", name)[0];
        if (leaves < 1) {
            throw new ModelException(EngineMessage.TREES_NODE_OUT_OF_RANGE, name, "num_leaves", leaves);
        }
        for (String key : LEAF_ARRAYS) {
            counted(f, key, name, leaves, leaves);
        }
        for (String key : leaves > 1 ? NODE_ARRAYS : List.<String>of()) {
            counted(f, key, name, leaves - 1, leaves);
        }
        double[] leafValue = length(doubles(f, "leaf_value", name), leaves, "leaf_value", name, leaves);
        if (leaves == 1) {
            return new Tree(new int[0], new double[0], new int[0], new int[0], new int[0], leafValue, new int[0], new int[0],
                    new double[0], new double[] {1});
        }
        int nodes = leaves - 1;
        boolean cats = f.containsKey("num_cat") && ints(f, "num_cat", name)[0] > 0;
        int[] splitFeature = length(ints(f, "split_feature", name), nodes, "split_feature", name, leaves);
        int[] left = length(ints(f, "left_child", name), nodes, "left_child", name, leaves);
        int[] right = length(ints(f, "right_child", name), nodes, "right_child", name, leaves);
        for (int n = 0; n < nodes; n++) {
            if (splitFeature[n] < 0 || featureCount >= 0 && splitFeature[n] >= featureCount) {
                throw new ModelException(EngineMessage.TREES_NODE_OUT_OF_RANGE, name, "split_feature", splitFeature[n]);
            }
            for (int child : new int[] {left[n], right[n]}) {
                if (child >= nodes || child < 0 && ~child >= leaves) {
                    throw new ModelException(EngineMessage.TREES_NODE_OUT_OF_RANGE, name, "a child of node " + n, child);
                }
            }
        }
        int[] boundaries = cats ? ints(f, "cat_boundaries", name) : new int[0];
        int[] catThreshold = cats ? unsignedInts(f, "cat_threshold", name) : new int[0];
        if (cats && (boundaries.length != ints(f, "num_cat", name)[0] + 1 || boundaries[boundaries.length - 1] != catThreshold.length)) {
            throw new ModelException(EngineMessage.TREES_FIELD_LENGTH, name, "cat_threshold", catThreshold.length, leaves,
                    boundaries[boundaries.length - 1]);
        }
        return new Tree(splitFeature, length(doubles(f, "threshold", name), nodes, "threshold", name, leaves),
                length(ints(f, "decision_type", name), nodes, "decision_type", name, leaves), left, right,
                leafValue, boundaries, catThreshold,
                length(doubles(f, "internal_count", name), nodes, "internal_count", name, leaves),
                length(doubles(f, "leaf_count", name), leaves, "leaf_count", name, leaves));
    }

    /** An array present in the tree must have {@code expected} values (LightGBM's reader stops the process otherwise). */
    private static void counted(java.util.Map<String, String> fields, String key, String tree, int expected, int leaves) {
        String value = fields.get(key);
        if (value != null) {
            int count = value.isBlank() ? 0 : value.strip().split(" +").length;
            if (count != expected) {
                throw new ModelException(EngineMessage.TREES_FIELD_LENGTH, tree, key, count, leaves, expected);
            }
        }
    }

    private static int[] length(int[] values, int expected, String key, String tree, int leaves) {
        if (values.length != expected) {
            throw new ModelException(EngineMessage.TREES_FIELD_LENGTH, tree, key, values.length, leaves, expected);
        }
        return values;
    }

    private static double[] length(double[] values, int expected, String key, String tree, int leaves) {
        if (values.length != expected) {
            throw new ModelException(EngineMessage.TREES_FIELD_LENGTH, tree, key, values.length, leaves, expected);
        }
        return values;
    }

    private static String require(java.util.Map<String, String> fields, String key, String tree) {
        String value = fields.get(key);
        if (value == null) {
            throw new ModelException(EngineMessage.TREES_FIELD_MISSING, tree, key);
        }
        return value;
    }

    private static int[] ints(java.util.Map<String, String> fields, String key, String tree) {
        return parsed(fields, key, tree, v -> java.util.Arrays.stream(v.split(" +")).mapToInt(Integer::parseInt).toArray());
    }

    private static int[] unsignedInts(java.util.Map<String, String> fields, String key, String tree) {
        return parsed(fields, key, tree, v -> java.util.Arrays.stream(v.split(" +")).mapToInt(x -> (int) Long.parseLong(x)).toArray());
    }

    /** LightGBM writes inf, -inf and nan in thresholds, leaf values and counts: {@link LightGbmNumbers}. */
    private static double[] doubles(java.util.Map<String, String> fields, String key, String tree) {
        return parsed(fields, key, tree, LightGbmNumbers::parseList);
    }

    private static <T> T parsed(java.util.Map<String, String> fields, String key, String tree, java.util.function.Function<String, T> parser) {
        String value = require(fields, key, tree).strip();
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
            throw new ModelException(e, EngineMessage.TREES_FIELD_UNREADABLE, tree, key, e.getMessage(), shown);
        }
    }
}
