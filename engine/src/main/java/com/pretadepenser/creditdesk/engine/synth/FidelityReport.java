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
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Measures how faithful a synthetic application_train table is to a genuine one, column by
 * column, against the targets of docs/synthetic-data.md: missing-rate difference at most 0.05 on
 * every column, two-sample KS at most 0.15 on every numeric column, category frequencies within a
 * total variation distance of 0.10 on every text column, and, for the ten numeric
 * features most associated with TARGET in the genuine data, the default rate moving the same way
 * from their first to their last quartile.
 */
public record FidelityReport(List<ColumnCheck> columns, List<DirectionCheck> directions) {
    public static final double MAX_MISSING_GAP = 0.05;
    public static final double MAX_KS = 0.15;
    /** Half the summed absolute differences of the category shares: the most probability any set of categories gains or loses. */
    public static final double MAX_CATEGORY_DISTANCE = 0.10;
    public static final int TOP_FEATURES = 10;

    /**
     * One column: missing rates; for numbers the KS statistic, for text the total variation
     * distance between the category shares of present values (each NaN where it does not apply).
     */
    public record ColumnCheck(String column, double realMissing, double syntheticMissing, double ks, double categoryDistance) {
        public boolean passes() {
            return Math.abs(realMissing - syntheticMissing) <= MAX_MISSING_GAP && (Double.isNaN(ks) || ks <= MAX_KS)
                    && (Double.isNaN(categoryDistance) || categoryDistance <= MAX_CATEGORY_DISTANCE);
        }
    }

    /** One of the most predictive features: default rate in its lowest and highest quartile, in each dataset. */
    public record DirectionCheck(String column, double realAuc, double realLow, double realHigh,
                                 double syntheticLow, double syntheticHigh) {
        public boolean passes() {
            return Math.signum(realHigh - realLow) == Math.signum(syntheticHigh - syntheticLow);
        }
    }

    public boolean passes() {
        return columns.stream().allMatch(ColumnCheck::passes) && directions.stream().allMatch(DirectionCheck::passes);
    }

    public static FidelityReport compare(HomeCreditData real, HomeCreditData synthetic) {
        Table r = real.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow(
                () -> new IllegalArgumentException("the genuine data has no application_train.csv"));
        Table s = synthetic.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow(
                () -> new IllegalArgumentException("the synthetic data has no application_train.csv"));
        List<ColumnCheck> columns = new ArrayList<>();
        List<DirectionCheck> candidates = new ArrayList<>();
        int[] realTarget = r.intColumn("TARGET").asIntArray();
        int[] syntheticTarget = s.intColumn("TARGET").asIntArray();
        for (ColumnSpec spec : HomeCreditSchema.get().columns(HomeCreditTable.APPLICATION_TRAIN)) {
            if (spec.kind() == ColumnKind.ID || spec.kind() == ColumnKind.TARGET) {
                continue;
            }
            Column<?> a = r.column(spec.name());
            Column<?> b = s.column(spec.name());
            double ks = Double.NaN;
            double categoryDistance = Double.NaN;
            if (!spec.isNumber()) {
                categoryDistance = categoryDistance(r.stringColumn(spec.name()).asObjectArray(),
                        s.stringColumn(spec.name()).asObjectArray());
            } else {
                double[] x = r.doubleColumn(spec.name()).asDoubleArray();
                double[] y = s.doubleColumn(spec.name()).asDoubleArray();
                ks = Statistics.ks(x, y);
                double auc = Statistics.auc(x, realTarget);
                if (!Double.isNaN(auc)) {
                    double[] realRates = quartileRates(x, realTarget);
                    double[] syntheticRates = quartileRates(y, syntheticTarget);
                    candidates.add(new DirectionCheck(spec.name(), auc, realRates[0], realRates[1],
                            syntheticRates[0], syntheticRates[1]));
                }
            }
            columns.add(new ColumnCheck(spec.name(), missingRate(a), missingRate(b), ks, categoryDistance));
        }
        candidates.sort(Comparator.comparingDouble((DirectionCheck d) -> Math.abs(d.realAuc() - 0.5)).reversed());
        return new FidelityReport(columns, List.copyOf(candidates.subList(0, Math.min(TOP_FEATURES, candidates.size()))));
    }

    /** Total variation distance between the category shares of the present values of two text columns. */
    static double categoryDistance(String[] real, String[] synthetic) {
        java.util.Map<String, double[]> shares = new java.util.HashMap<>();
        double[] totals = new double[2];
        String[][] both = {real, synthetic};
        for (int side = 0; side < 2; side++) {
            for (String value : both[side]) {
                if (value != null && !value.isEmpty()) {
                    shares.computeIfAbsent(value, v -> new double[2])[side]++;
                    totals[side]++;
                }
            }
        }
        if (totals[0] == 0 || totals[1] == 0) {
            return totals[0] == totals[1] ? 0 : 1;
        }
        double distance = 0;
        for (double[] counts : shares.values()) {
            distance += Math.abs(counts[0] / totals[0] - counts[1] / totals[1]);
        }
        return distance / 2;
    }

    private static double missingRate(Column<?> column) {
        return column.size() == 0 ? 0 : column.countMissing() / (double) column.size();
    }

    /**
     * Default rate among present values in the lowest and the highest quartile, by rank (ties are
     * split by position so that quartiles stay quarters even for flags).
     */
    static double[] quartileRates(double[] values, int[] target) {
        Integer[] present = java.util.stream.IntStream.range(0, values.length)
                .filter(i -> !Double.isNaN(values[i])).boxed().toArray(Integer[]::new);
        Arrays.sort(present, Comparator.comparingDouble(i -> values[i]));
        int quarter = present.length / 4;
        if (quarter == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double low = 0;
        double high = 0;
        double lowCut = values[present[quarter - 1]];
        double highCut = values[present[present.length - quarter]];
        int lowCount = 0;
        int highCount = 0;
        for (Integer i : present) {
            if (values[i] <= lowCut) {
                low += target[i];
                lowCount++;
            }
            if (values[i] >= highCut) {
                high += target[i];
                highCount++;
            }
        }
        return new double[] {low / lowCount, high / highCount};
    }
}
