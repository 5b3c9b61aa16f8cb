package com.pretadepenser.creditdesk.engine.synth;

import com.pretadepenser.creditdesk.engine.data.ColumnKind;
import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Measures a {@link HomeCreditProfile} on labelled Home Credit data: per column missing rate,
 * quantiles or frequencies, and for application columns the direction and strength of their link
 * with TARGET. Keeps aggregates only.
 */
public final class ProfileBuilder {
    static final double SENTINEL = com.pretadepenser.creditdesk.engine.data.HomeCreditSchema.DAYS_SENTINEL;
    private static final int QUANTILES = 101;
    private static final int MAX_DISCRETE = 25;

    public HomeCreditProfile build(HomeCreditData data, String sourceName) {
        Table train = data.table(HomeCreditTable.APPLICATION_TRAIN)
                .orElseThrow(() -> new IllegalArgumentException("profiling needs application_train.csv"));
        int[] target = train.intColumn("TARGET").asIntArray();
        Map<String, Map<String, ColumnProfile>> tables = new LinkedHashMap<>();
        for (HomeCreditTable table : HomeCreditTable.values()) {
            if (table == HomeCreditTable.APPLICATION_TEST || !data.has(table)) {
                continue;
            }
            Table frame = data.table(table).orElseThrow();
            Map<String, ColumnProfile> columns = new LinkedHashMap<>();
            for (ColumnSpec spec : HomeCreditSchema.get().columns(table)) {
                if (spec.kind() == ColumnKind.ID || spec.kind() == ColumnKind.TARGET) {
                    continue;
                }
                int[] labels = table == HomeCreditTable.APPLICATION_TRAIN ? target : null;
                columns.put(spec.name(), spec.isNumber()
                        ? numeric(spec.name(), frame.doubleColumn(spec.name()).asDoubleArray(), labels)
                        : categorical(spec.name(), frame.stringColumn(spec.name()), labels));
            }
            tables.put(table.schemaName(), columns);
        }
        Map<String, ColumnProfile> ratios = new LinkedHashMap<>();
        double[] credit = train.doubleColumn("AMT_CREDIT").asDoubleArray();
        ratios.put("GOODS_PRICE_TO_CREDIT", numeric("GOODS_PRICE_TO_CREDIT",
                divide(train.doubleColumn("AMT_GOODS_PRICE").asDoubleArray(), credit, 1.0), null));
        ratios.put("ANNUITY_TO_CREDIT", numeric("ANNUITY_TO_CREDIT",
                divide(train.doubleColumn("AMT_ANNUITY").asDoubleArray(), credit, Double.MAX_VALUE), null));
        double targetRate = Arrays.stream(target).average().orElse(Double.NaN);
        return new HomeCreditProfile(1, sourceName, targetRate, tables, ratios);
    }

    private static double[] divide(double[] a, double[] b, double cap) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.min(cap, a[i] / b[i]);
        }
        return out;
    }

    static ColumnProfile numeric(String name, double[] raw, int[] target) {
        int n = raw.length;
        List<Double> present = new ArrayList<>();
        int sentinels = 0;
        boolean hasSentinelName = name.startsWith("DAYS_");
        for (double v : raw) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            if (hasSentinelName && v == SENTINEL) {
                sentinels++;
            } else {
                present.add(v);
            }
        }
        int presentAll = present.size() + sentinels;
        double missingRate = n == 0 ? 0 : 1.0 - (double) presentAll / n;
        double[] sorted = present.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        boolean integral = Arrays.stream(sorted).allMatch(v -> v == Math.rint(v));
        double association = target == null ? 0 : spearman(raw, target, hasSentinelName);
        Double sentinel = sentinels > 0 ? SENTINEL : null;
        double sentinelRate = presentAll == 0 ? 0 : (double) sentinels / presentAll;
        double[] distinct = Arrays.stream(sorted).distinct().toArray();
        if (distinct.length <= MAX_DISCRETE && distinct.length > 0) {
            double[] weights = new double[distinct.length];
            for (double v : sorted) {
                weights[Arrays.binarySearch(distinct, v)] += 1.0 / sorted.length;
            }
            normalise(weights);
            return new ColumnProfile(name, missingRate, integral, null, distinct, null, weights, null,
                    association, sentinel, sentinelRate);
        }
        double[] quantiles = new double[sorted.length == 0 ? 0 : QUANTILES];
        for (int q = 0; q < quantiles.length; q++) {
            quantiles[q] = Statistics.quantileOfSorted(sorted, q / (double) (QUANTILES - 1));
        }
        return new ColumnProfile(name, missingRate, integral, quantiles, null, null, null, null,
                association, sentinel, sentinelRate);
    }

    static ColumnProfile categorical(String name, StringColumn column, int[] target) {
        Map<String, long[]> counts = new TreeMap<>();
        int missing = 0;
        for (int i = 0; i < column.size(); i++) {
            String value = column.get(i);
            if (value.isEmpty()) {
                missing++;
                continue;
            }
            long[] c = counts.computeIfAbsent(value, k -> new long[2]);
            c[0]++;
            if (target != null) {
                c[1] += target[i];
            }
        }
        int present = column.size() - missing;
        List<String> levels = new ArrayList<>(counts.keySet());
        if (target != null) {
            levels.sort(Comparator.comparingDouble(l -> rate(counts.get(l))));
        } else {
            levels.sort(Comparator.comparingLong(l -> -counts.get(l)[0]));
        }
        double[] weights = new double[levels.size()];
        double[] rates = target == null ? null : new double[levels.size()];
        for (int i = 0; i < levels.size(); i++) {
            weights[i] = counts.get(levels.get(i))[0] / (double) present;
            if (rates != null) {
                rates[i] = rate(counts.get(levels.get(i)));
            }
        }
        normalise(weights);
        double association = 0;
        if (target != null && present > 0) {
            double[] x = new double[column.size()];
            for (int i = 0; i < x.length; i++) {
                String value = column.get(i);
                x[i] = value.isEmpty() ? Double.NaN : rate(counts.get(value));
            }
            association = pearson(x, target);
        }
        double missingRate = column.size() == 0 ? 0 : missing / (double) column.size();
        return new ColumnProfile(name, missingRate, false, null, null, levels.toArray(String[]::new), weights, rates,
                association, null, 0);
    }

    private static void normalise(double[] weights) {
        double total = Arrays.stream(weights).sum();
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
    }

    private static double rate(long[] counts) {
        return counts[1] / (double) counts[0];
    }

    /** Spearman correlation of present values with the label (sentinels left out when asked). */
    static double spearman(double[] x, int[] target, boolean dropSentinel) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !(dropSentinel && x[i] == SENTINEL)) {
                pairs.add(new double[] {x[i], target[i]});
            }
        }
        if (pairs.size() < 3) {
            return 0;
        }
        pairs.sort(Comparator.comparingDouble(p -> p[0]));
        double[] ranks = new double[pairs.size()];
        double[] labels = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); ) {
            int j = i;
            while (j + 1 < pairs.size() && pairs.get(j + 1)[0] == pairs.get(i)[0]) {
                j++;
            }
            double rank = (i + j) / 2.0;
            for (int k = i; k <= j; k++) {
                ranks[k] = rank;
                labels[k] = pairs.get(k)[1];
            }
            i = j + 1;
        }
        return Statistics.pearson(ranks, labels);
    }

    private static double pearson(double[] x, int[] y) {
        return Statistics.pearson(x, Arrays.stream(y).asDoubleStream().toArray());
    }
}
