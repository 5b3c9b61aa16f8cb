package com.pretadepenser.creditdesk.engine.monitoring;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * One drift check, end to end, for the command line and the dashboard alike: the applicants of
 * both batches through the model's one feature path (in chunks, keeping only the model's features),
 * their probabilities, the report, and the two distributions of any feature for a chart.
 */
public final class DriftComparison {
    /** Which applicants of a dataset a batch is. */
    public enum Applicants {
        TRAIN, TEST, ALL
    }

    static final int CHUNK = 4_000;

    private final DriftReport report;
    private final FeatureMatrix reference;
    private final FeatureMatrix current;

    private DriftComparison(DriftReport report, FeatureMatrix reference, FeatureMatrix current) {
        this.report = report;
        this.reference = reference;
        this.current = current;
    }

    /**
     * @param where names each dataset in messages (its folder)
     */
    public static DriftComparison run(ScoringModel model, HomeCreditData referenceData, Applicants referenceSet, String referenceWhere,
                                      HomeCreditData currentData, Applicants currentSet, String currentWhere, ProgressMonitor monitor) {
        Table referenceApplications = applicants(referenceData, referenceSet, referenceWhere);
        Table currentApplications = applicants(currentData, currentSet, currentWhere);
        long total = (long) referenceApplications.rowCount() + currentApplications.rowCount();
        FeatureMatrix ref = features(model, referenceData, referenceApplications, monitor.part(0, referenceApplications.rowCount(), total, ""));
        FeatureMatrix cur = features(model, currentData, currentApplications,
                monitor.part(referenceApplications.rowCount(), total, total, ""));
        DriftReport report = DriftAnalysis.compare(model.card().featureNames(), model.card().details().globalImportance(),
                ref, model.probabilities(ref), cur, model.probabilities(cur), referenceApplications, currentApplications);
        return new DriftComparison(report, ref, cur);
    }

    public DriftReport report() {
        return report;
    }

    /**
     * The shares of the reference and the current batch in each bin of {@code feature}: the
     * reference's deciles (or each level of a category), then missing, as the PSI counts them.
     */
    public Overlay overlay(String feature) {
        double[] r = reference.column(feature);
        double[] c = current.column(feature);
        if (FeaturePipeline.isCategorical(feature)) {
            double[] codes = PopulationStability.codes(r, c);
            return new Overlay(feature, true, codes, PopulationStability.codeShares(r, codes), PopulationStability.codeShares(c, codes));
        }
        double[] edges = PopulationStability.decileEdges(r);
        return new Overlay(feature, false, edges, PopulationStability.binShares(r, edges), PopulationStability.binShares(c, edges));
    }

    /**
     * Two distributions over the same bins. For numbers, bin {@code i} holds the values up to
     * {@code edges[i]} (above {@code edges[i-1]}), the bin after the last edge the values above it;
     * for levels, bin {@code i} is the category code {@code edges[i]}. The last share is missing.
     */
    public record Overlay(String feature, boolean levels, double[] edges, double[] reference, double[] current) {
    }

    private static Table applicants(HomeCreditData data, Applicants set, String where) {
        List<Table> parts = new ArrayList<>();
        if (set != Applicants.TEST) {
            data.table(HomeCreditTable.APPLICATION_TRAIN).ifPresent(parts::add);
        }
        if (set != Applicants.TRAIN) {
            data.table(HomeCreditTable.APPLICATION_TEST).ifPresent(parts::add);
        }
        parts.removeIf(t -> t.rowCount() == 0);
        if (parts.isEmpty()) {
            String file = switch (set) {
                case TRAIN -> HomeCreditTable.APPLICATION_TRAIN.fileName();
                case TEST -> HomeCreditTable.APPLICATION_TEST.fileName();
                case ALL -> HomeCreditTable.APPLICATION_TRAIN.fileName() + " or " + HomeCreditTable.APPLICATION_TEST.fileName();
            };
            throw new CreditDeskException(EngineMessage.DRIFT_NO_APPLICANTS, where, file);
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Table train = parts.get(0).copy();
        if (train.containsColumn("TARGET")) {
            train.removeColumns("TARGET");
        }
        return train.append(parts.get(1).selectColumns(train.columnNames().toArray(String[]::new)));
    }

    private static FeatureMatrix features(ScoringModel model, HomeCreditData data, Table applications, ProgressMonitor monitor) {
        ClientHistory history = new ClientHistory(data);
        model.requireHistoryFor(history);
        FeatureMatrix.Stack stack = new FeatureMatrix.Stack(model.card().featureNames(), applications.rowCount());
        for (int from = 0; from < applications.rowCount(); from += CHUNK) {
            monitor.checkCancelled("the drift check");
            int to = Math.min(applications.rowCount(), from + CHUNK);
            stack.put(model.pipeline().compute(applications.inRange(from, to), history), from);
            monitor.progress(to, applications.rowCount(), "");
        }
        return stack.build();
    }
}
