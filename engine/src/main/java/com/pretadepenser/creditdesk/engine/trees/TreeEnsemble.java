package com.pretadepenser.creditdesk.engine.trees;

import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.lightgbm.ModelException;
import java.util.stream.IntStream;

/**
 * The trees of a LightGBM model text, evaluated in Java: batch raw scores and TreeSHAP
 * contributions ({@link TreeShap}). For raw scores: LightGBM's dense
 * prediction copies each row into a sparse vector before walking the trees, which bounds it near
 * 60,000 clients/s on this model; walking the trees over the feature columns directly avoids the
 * copy. The trees are read by {@link TreeModelParser}, each split decided as LightGBM does
 * ({@link Tree}); a test holds the scores equal to LightGBM's for every client of the demo
 * dataset, and {@link LightGbmAgreement} checks the contributions of any model before use.
 */
public final class TreeEnsemble {
    private static final int BLOCK = 1024;

    private final Tree[] trees;
    private final int featureCount;
    private TreeShap shap;
    private boolean shapBuilt;

    TreeEnsemble(Tree[] trees, int featureCount) {
        this.trees = trees;
        this.featureCount = featureCount;
    }

    /** Reads the trees of a LightGBM text model (binary objective, one tree per iteration). */
    public static TreeEnsemble parse(String modelText) {
        return TreeModelParser.parse(modelText);
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
            throw new ModelException(EngineMessage.TREES_TOO_DEEP);
        }
        return tables.contributions(columns, rows);
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
