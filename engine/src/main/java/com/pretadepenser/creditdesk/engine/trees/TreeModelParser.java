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
        List<Tree> trees = new ArrayList<>();
        int featureCount = -1;
        String[] lines = modelText.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("max_feature_idx=")) {
                featureCount = Integer.parseInt(line.substring("max_feature_idx=".length())) + 1;
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
                trees.add(tree(fields, line));
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

    private static Tree tree(java.util.Map<String, String> f, String name) {
        int leaves = ints(f, "num_leaves", name)[0];
        double[] leafValue = doubles(f, "leaf_value", name);
        if (leaves == 1) {
            return new Tree(new int[0], new double[0], new int[0], new int[0], new int[0], leafValue, new int[0], new int[0],
                    new double[0], new double[] {1});
        }
        boolean cats = f.containsKey("num_cat") && ints(f, "num_cat", name)[0] > 0;
        return new Tree(ints(f, "split_feature", name), doubles(f, "threshold", name),
                ints(f, "decision_type", name), ints(f, "left_child", name), ints(f, "right_child", name),
                leafValue, cats ? ints(f, "cat_boundaries", name) : new int[0],
                cats ? unsignedInts(f, "cat_threshold", name) : new int[0],
                doubles(f, "internal_count", name), doubles(f, "leaf_count", name));
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
