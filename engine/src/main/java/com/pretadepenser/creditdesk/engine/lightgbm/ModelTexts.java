package com.pretadepenser.creditdesk.engine.lightgbm;

import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmNumbers;
import java.util.ArrayList;
import java.util.List;

/** Edits of LightGBM's text model format (version v4): the header, {@code Tree=} blocks, then parameters. */
final class ModelTexts {
    private ModelTexts() {
    }

    /**
     * The trees of every model, renumbered, with leaf and internal values divided by the number of
     * models: its raw score is the mean of theirs. The header and parameters are the first model's
     * (the same data makes the same feature ranges); {@code tree_sizes}, an optional index LightGBM
     * uses to parse in parallel, is left out because the sizes change.
     */
    static String average(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no model to average");
        }
        double scale = 1.0 / texts.size();
        StringBuilder out = new StringBuilder();
        String first = texts.get(0);
        int firstTree = first.indexOf("\nTree=");
        if (firstTree < 0) {
            throw new ModelException(EngineMessage.LIGHTGBM_NO_TREE);
        }
        for (String line : first.substring(0, firstTree + 1).split("\n", -1)) {
            if (!line.startsWith("tree_sizes=")) {
                out.append(line).append('\n');
            }
        }
        int index = 0;
        for (String text : texts) {
            for (String tree : trees(text)) {
                out.append("Tree=").append(index++).append('\n');
                for (String line : tree.split("\n")) {
                    if (line.startsWith("leaf_value=") || line.startsWith("internal_value=")) {
                        out.append(scaled(line, scale));
                    } else {
                        out.append(line);
                    }
                    out.append('\n');
                }
                out.append('\n');
            }
        }
        out.append("end of trees\n\n");
        int parameters = first.indexOf("\nparameters:");
        if (parameters >= 0) {
            out.append(first.substring(parameters + 1));
        }
        return out.toString();
    }

    /** The lines of each tree block, without its {@code Tree=} line and trailing blank lines. */
    private static List<String> trees(String text) {
        List<String> trees = new ArrayList<>();
        int end = text.indexOf("\nend of trees");
        String body = text.substring(0, end < 0 ? text.length() : end);
        String[] blocks = body.split("\nTree=");
        for (int b = 1; b < blocks.length; b++) {
            String block = blocks[b];
            int newline = block.indexOf('\n');
            trees.add(block.substring(newline + 1).strip());
        }
        return trees;
    }

    private static String scaled(String line, double scale) {
        int eq = line.indexOf('=');
        double[] values = LightGbmNumbers.parseList(line.substring(eq + 1));
        StringBuilder out = new StringBuilder(line.substring(0, eq + 1));
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : " ").append(LightGbmNumbers.format(values[i] * scale));
        }
        return out.toString();
    }
}
