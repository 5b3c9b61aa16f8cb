package com.pretadepenser.creditdesk.engine.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Features of a set of clients: one column of doubles per feature (NaN = missing), one row per
 * client, in the order of {@link #names()}.
 */
public final class FeatureMatrix {
    private final int[] clientIds;
    private final List<String> names;
    private final double[][] columns;
    private final Map<String, Integer> index;

    /** Feature names and where each stands: shared by the matrices a pipeline makes, one client after another. */
    record Layout(List<String> names, Map<String, Integer> index) {
        static Layout of(List<String> names) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (index.put(names.get(i), i) != null) {
                    throw new IllegalArgumentException("duplicate feature name " + names.get(i));
                }
            }
            return new Layout(List.copyOf(names), java.util.Collections.unmodifiableMap(index));
        }
    }

    FeatureMatrix(int[] clientIds, List<String> names, double[][] columns) {
        this(clientIds, Layout.of(names), columns);
    }

    FeatureMatrix(int[] clientIds, Layout layout, double[][] columns) {
        if (layout.names().size() != columns.length) {
            throw new IllegalArgumentException(layout.names().size() + " names for " + columns.length + " columns");
        }
        this.clientIds = clientIds;
        this.columns = columns;
        this.names = layout.names();
        this.index = layout.index();
    }

    /** A matrix of these columns (one per name, each {@code clientIds.length} long), not copied. */
    public static FeatureMatrix of(int[] clientIds, List<String> names, double[][] columns) {
        for (int f = 0; f < columns.length; f++) {
            if (columns[f].length != clientIds.length) {
                throw new IllegalArgumentException("column " + f + " has " + columns[f].length + " rows, expected " + clientIds.length);
            }
        }
        return new FeatureMatrix(clientIds, names, columns);
    }

    Layout layout() {
        return new Layout(names, index);
    }

    public int rows() {
        return clientIds.length;
    }

    public int featureCount() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public int[] clientIds() {
        return clientIds.clone();
    }

    public int clientId(int row) {
        return clientIds[row];
    }

    public boolean has(String name) {
        return index.containsKey(name);
    }

    /** The column of a feature (shared, do not modify). */
    public double[] column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no feature named " + name);
        }
        return columns[i];
    }

    public double value(int row, String name) {
        return column(name)[row];
    }

    /**
     * Row-major values of the given rows for the given features, in that order: the layout
     * LightGBM reads. A feature this matrix lacks is an error, never a silent NaN.
     */
    public double[] rowMajor(int[] rows, List<String> features) {
        double[][] selected = new double[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            selected[f] = column(features.get(f));
        }
        double[] out = new double[rows.length * features.size()];
        for (int r = 0; r < rows.length; r++) {
            int base = r * features.size();
            for (int f = 0; f < selected.length; f++) {
                out[base + f] = selected[f][rows[r]];
            }
        }
        return out;
    }

    /** Every row, row-major, for the given features. */
    public double[] rowMajor(List<String> features) {
        int[] all = new int[rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return rowMajor(all, features);
    }

    /** The rows of {@code a} then those of {@code b}; both must have the same features in the same order. */
    public static FeatureMatrix concat(FeatureMatrix a, FeatureMatrix b) {
        if (!a.names.equals(b.names)) {
            throw new IllegalArgumentException("cannot stack matrices with different features");
        }
        int[] ids = new int[a.rows() + b.rows()];
        System.arraycopy(a.clientIds, 0, ids, 0, a.rows());
        System.arraycopy(b.clientIds, 0, ids, a.rows(), b.rows());
        double[][] columns = new double[a.columns.length][];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = new double[ids.length];
            System.arraycopy(a.columns[f], 0, columns[f], 0, a.rows());
            System.arraycopy(b.columns[f], 0, columns[f], a.rows(), b.rows());
        }
        return new FeatureMatrix(ids, a.names, columns);
    }

    /**
     * Stacks some columns of many matrices (chunks of clients, one after another) into one: the
     * peer index keeps the few features it shows of every client without ever holding every
     * feature of every client.
     */
    public static final class Stack {
        private final List<String> names;
        private final double[][] columns;
        private final int[] clientIds;
        private final java.util.concurrent.atomic.AtomicInteger filled = new java.util.concurrent.atomic.AtomicInteger();

        public Stack(List<String> names, int rows) {
            this.names = List.copyOf(names);
            this.columns = new double[names.size()][rows];
            this.clientIds = new int[rows];
        }

        /**
         * Puts the chunk's rows from row {@code at}; it must have every named feature. Chunks of
         * disjoint ranges may be put from several threads at once.
         */
        public void put(FeatureMatrix chunk, int at) {
            if (at < 0 || at + chunk.rows() > clientIds.length) {
                throw new IllegalArgumentException("rows " + at + "-" + (at + chunk.rows()) + " outside the " + clientIds.length + " announced");
            }
            for (int f = 0; f < names.size(); f++) {
                System.arraycopy(chunk.column(names.get(f)), 0, columns[f], at, chunk.rows());
            }
            System.arraycopy(chunk.clientIds, 0, clientIds, at, chunk.rows());
            filled.addAndGet(chunk.rows());
        }

        public FeatureMatrix build() {
            if (filled.get() != clientIds.length) {
                throw new IllegalStateException(filled + " rows stacked of the " + clientIds.length + " announced");
            }
            return new FeatureMatrix(clientIds, names, columns);
        }
    }

    /** Collects named columns of one length. */
    static final class Builder {
        private final int rows;
        private final List<String> names = new ArrayList<>();
        private final List<double[]> columns = new ArrayList<>();

        Builder(int rows) {
            this.rows = rows;
        }

        int rows() {
            return rows;
        }

        void add(String name, double[] column) {
            if (column.length != rows) {
                throw new IllegalArgumentException(name + " has " + column.length + " rows, expected " + rows);
            }
            names.add(name);
            columns.add(column);
        }

        FeatureMatrix build(int[] clientIds) {
            return new FeatureMatrix(clientIds, names, columns.toArray(double[][]::new));
        }

        /** The matrix, with {@code known}'s names and index when they are the same features (no index made again). */
        FeatureMatrix build(int[] clientIds, Layout known) {
            Layout layout = known != null && known.names().equals(names) ? known : Layout.of(names);
            return new FeatureMatrix(clientIds, layout, columns.toArray(double[][]::new));
        }
    }
}
