package com.pretadepenser.creditdesk.engine.training;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.WorkerThreads;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;

/**
 * The labelled applicants' features, as float32 columns (what LightGBM bins from; half the memory
 * of doubles: 0.7 GB instead of 1.4 GB for 307k applicants x 585 features), and their labels.
 * LightGBM bins them once per feature list, and every fit of a training run trains and validates
 * on subsets of that one dataset by row index, as LightGBM's own cross-validation does: the bins
 * are fitted on all labelled rows (features only, never the labels). Predictions on held-out rows
 * are made a chunk of rows at a time, so no row-major copy of a whole fold exists. Owns native
 * memory: close it.
 */
final class TrainingSet implements AutoCloseable {
    /** Rows per row-major chunk handed to LightGBM's predict. */
    static final int PREDICTION_CHUNK = 10_000;
    /** Applicants whose features are computed at once, two chunks at a time. */
    static final int FEATURE_CHUNK = 4_000;

    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final float[][] columns;
    private final int[] target;
    private final float[] labels;
    private final Map<String, String> binning;
    private final Map<List<String>, LightGbmDataset> binned = new HashMap<>();

    /**
     * @param settings the run's LightGBM settings without tuning: those that shape bins (max_bin,
     *                 min_data_in_bin, ...) come from them. Pre-filtering of features is off, so the
     *                 tuner may try any min_data_in_leaf on the same bins.
     */
    private TrainingSet(List<String> names, float[][] columns, int[] target, Map<String, String> settings, long seed) {
        this.names = List.copyOf(names);
        for (int f = 0; f < names.size(); f++) {
            index.put(names.get(f), f);
        }
        this.columns = columns;
        this.target = target;
        this.labels = new float[target.length];
        for (int i = 0; i < target.length; i++) {
            labels[i] = target[i];
        }
        this.binning = new LinkedHashMap<>(settings);
        binning.putIfAbsent("feature_pre_filter", "false");
        binning.put("seed", Long.toString(seed));
    }

    /**
     * The features of {@code applications} (one per label), {@link #FEATURE_CHUNK} applicants at a
     * time on two threads, each chunk's columns narrowed to float32 as it is computed: the doubles
     * of every feature of every applicant never exist at once.
     *
     * @param monitor told the applicants done of all (no message); polled between chunks
     */
    static TrainingSet compute(FeaturePipeline pipeline, Table applications, ClientHistory history, int[] target,
                               Map<String, String> settings, long seed, ProgressMonitor monitor) {
        int rows = applications.rowCount();
        if (rows != target.length) {
            throw new IllegalArgumentException(rows + " applications for " + target.length + " labels");
        }
        monitor.progress(0, rows, "");
        FeatureMatrix first = pipeline.compute(applications.inRange(0, Math.min(rows, FEATURE_CHUNK)), history);
        List<String> names = first.names();
        float[][] columns = new float[names.size()][rows];
        narrow(first, columns, 0);
        List<int[]> ranges = new ArrayList<>();
        for (int from = first.rows(); from < rows; from += FEATURE_CHUNK) {
            ranges.add(new int[] {from, Math.min(rows, from + FEATURE_CHUNK)});
        }
        ExecutorService pool = WorkerThreads.pool("training-features");
        try {
            List<Future<?>> running = ranges.stream().map(range -> pool.submit(() -> {
                FeatureMatrix part = pipeline.compute(applications.inRange(range[0], range[1]), history);
                if (!part.names().equals(names)) {
                    throw new IllegalStateException("applicants " + range[0] + "-" + range[1] + " gave other features than the first");
                }
                narrow(part, columns, range[0]);
            })).collect(java.util.stream.Collectors.toList());
            for (int i = 0; i < running.size(); i++) {
                monitor.checkCancelled("training");
                WorkerThreads.result(running.get(i));
                monitor.progress(ranges.get(i)[1], rows, "");
            }
        } finally {
            pool.shutdownNow();
        }
        monitor.progress(rows, rows, "");
        return new TrainingSet(names, columns, target, settings, seed);
    }

    /** A set of already computed features, narrowed to float32. */
    static TrainingSet of(FeatureMatrix features, int[] target, Map<String, String> settings, long seed) {
        if (features.rows() != target.length) {
            throw new IllegalArgumentException(features.rows() + " feature rows for " + target.length + " labels");
        }
        float[][] columns = new float[features.featureCount()][features.rows()];
        narrow(features, columns, 0);
        return new TrainingSet(features.names(), columns, target, settings, seed);
    }

    private static void narrow(FeatureMatrix part, float[][] columns, int at) {
        for (int f = 0; f < columns.length; f++) {
            double[] column = part.column(part.names().get(f));
            float[] into = columns[f];
            for (int r = 0; r < column.length; r++) {
                into[at + r] = (float) column[r];
            }
        }
    }

    List<String> names() {
        return names;
    }

    int[] target() {
        return target;
    }

    int rows() {
        return target.length;
    }

    private float[] column(String name) {
        Integer f = index.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no feature named " + name);
        }
        return columns[f];
    }

    /** Row-major values of {@code rows} for {@code features}, in that order: the layout LightGBM predicts from. */
    double[] rowMajor(int[] rows, List<String> features) {
        float[][] selected = features.stream().map(this::column).toArray(float[][]::new);
        double[] out = new double[rows.length * selected.length];
        for (int r = 0; r < rows.length; r++) {
            int base = r * selected.length;
            for (int f = 0; f < selected.length; f++) {
                out[base + f] = selected[f][rows[r]];
            }
        }
        return out;
    }

    /** Rows {@code from} to {@code to} (exclusive) of {@code features}, one array per feature. */
    double[][] columns(List<String> features, int from, int to) {
        double[][] out = new double[features.size()][to - from];
        for (int f = 0; f < out.length; f++) {
            float[] column = column(features.get(f));
            for (int r = from; r < to; r++) {
                out[f][r - from] = column[r];
            }
        }
        return out;
    }

    /** Every labelled row for these features, binned on first use and kept until {@link #release}. */
    LightGbmDataset all(List<String> features) {
        return binned.computeIfAbsent(List.copyOf(features), key -> LightGbmDataset.fromColumns(
                key.stream().map(this::column).toList(), target.length, key, categorical(key), labels, binning));
    }

    /** The rows at {@code rows} (ascending) for these features: a new dataset the caller closes. */
    LightGbmDataset subset(List<String> features, int[] rows) {
        return all(features).subset(rows);
    }

    /** Frees the bins of a feature list no fit needs any more. */
    void release(List<String> features) {
        LightGbmDataset dataset = binned.remove(List.copyOf(features));
        if (dataset != null) {
            dataset.close();
        }
    }

    /** Raw scores of {@code model} on the rows at {@code rows}, {@link #PREDICTION_CHUNK} rows at a time. */
    double[] rawScores(LightGbmBooster model, List<String> features, int[] rows, int threads) {
        double[] raw = new double[rows.length];
        for (int from = 0; from < rows.length; from += PREDICTION_CHUNK) {
            int to = Math.min(rows.length, from + PREDICTION_CHUNK);
            int[] chunk = Arrays.copyOfRange(rows, from, to);
            System.arraycopy(model.rawScores(rowMajor(chunk, features), chunk.length, threads), 0, raw, from, chunk.length);
        }
        return raw;
    }

    static int[] categorical(List<String> names) {
        return IntStream.range(0, names.size()).filter(i -> FeaturePipeline.isCategorical(names.get(i))).toArray();
    }

    @Override
    public void close() {
        binned.values().forEach(LightGbmDataset::close);
        binned.clear();
    }
}
