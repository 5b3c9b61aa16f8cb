package com.pretadepenser.creditdesk.engine.monitoring;

import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Compares a current batch of applicants with a reference batch (by default the model's training
 * data): every feature of the model, the predicted probability, and every raw application column
 * the two batches share. The batches' features and probabilities come from the caller (the one
 * feature path: {@code ScoringModel.pipeline()} and {@code probabilities}).
 */
public final class DriftAnalysis {
    private static final Comparator<FeatureDrift> MOST_DRIFTED = Comparator.comparingDouble(FeatureDrift::weightedPsi).reversed()
            .thenComparing(Comparator.comparingDouble(FeatureDrift::psi).reversed()).thenComparing(FeatureDrift::name);

    private DriftAnalysis() {
    }

    /**
     * @param features   the model's features, in its order
     * @param importance the model's global importance per feature (any scale; missing counts as 0)
     */
    public static DriftReport compare(List<String> features, Map<String, Double> importance,
                                      FeatureMatrix reference, double[] referenceScores,
                                      FeatureMatrix current, double[] currentScores,
                                      Table referenceApplications, Table currentApplications) {
        double total = features.stream().mapToDouble(f -> Math.max(0, importance.getOrDefault(f, 0.0))).sum();
        List<FeatureDrift> drifts = new ArrayList<>();
        double weighted = 0;
        for (String feature : features) {
            double share = total == 0 ? 1.0 / features.size() : Math.max(0, importance.getOrDefault(feature, 0.0)) / total;
            FeatureDrift drift = numbers(feature, FeaturePipeline.isCategorical(feature), reference.column(feature),
                    current.column(feature), share);
            weighted += share * drift.psi();
            drifts.add(drift);
        }
        drifts.sort(MOST_DRIFTED);
        List<FeatureDrift> columns = referenceApplications == null || currentApplications == null ? List.of()
                : columns(referenceApplications, currentApplications);
        return new DriftReport(reference.rows(), current.rows(), PopulationStability.ofNumbers(referenceScores, currentScores),
                Statistics.ks(referenceScores, currentScores), Statistics.ksPValue(referenceScores, currentScores),
                weighted, drifts, columns);
    }

    /** The raw application columns both tables have (identifiers and the label left out), most drifted first. */
    public static List<FeatureDrift> columns(Table reference, Table current) {
        List<FeatureDrift> drifts = new ArrayList<>();
        for (Column<?> column : reference.columns()) {
            String name = column.name();
            if (name.equals("SK_ID_CURR") || name.equals("TARGET") || !current.containsColumn(name)) {
                continue;
            }
            Column<?> other = current.column(name);
            if (column instanceof NumericColumn<?> a && other instanceof NumericColumn<?> b) {
                drifts.add(numbers(name, false, doubles(a), doubles(b), 0));
            } else {
                String[] ref = strings(column);
                String[] cur = strings(other);
                drifts.add(new FeatureDrift(name, true, PopulationStability.ofLevels(ref, cur), Double.NaN, Double.NaN, 0, 0,
                        missing(ref), missing(cur)));
            }
        }
        drifts.sort(Comparator.comparingDouble(FeatureDrift::psi).reversed().thenComparing(FeatureDrift::name));
        return drifts;
    }

    static FeatureDrift numbers(String name, boolean levels, double[] reference, double[] current, double share) {
        double psi = levels ? PopulationStability.ofCodes(reference, current) : PopulationStability.ofNumbers(reference, current);
        // KS compares orders: it has no meaning over the codes of a category
        return new FeatureDrift(name, levels, psi, levels ? Double.NaN : Statistics.ks(reference, current),
                levels ? Double.NaN : Statistics.ksPValue(reference, current), share, psi * share, missing(reference), missing(current));
    }

    private static double missing(double[] values) {
        return values.length == 0 ? Double.NaN : java.util.Arrays.stream(values).filter(Double::isNaN).count() / (double) values.length;
    }

    private static double missing(String[] values) {
        return values.length == 0 ? Double.NaN : java.util.Arrays.stream(values).filter(v -> v == null).count() / (double) values.length;
    }

    private static double[] doubles(NumericColumn<?> column) {
        double[] out = new double[column.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.isMissing(i) ? Double.NaN : column.getDouble(i);
        }
        return out;
    }

    private static String[] strings(Column<?> column) {
        String[] out = new String[column.size()];
        for (int i = 0; i < out.length; i++) {
            String v = column.isMissing(i) ? null : column.getString(i);
            out[i] = v == null || v.isEmpty() ? null : v;
        }
        return out;
    }
}
