package com.pretadepenser.creditdesk.engine.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** A known shift planted in one half of a synthetic batch must top the report; the rest must read stable. */
class DriftAnalysisTest {
    /** The features made from the applicant's income, and the two external scores we move. */
    private static final Set<String> SHIFTED = Set.of("AMT_INCOME_TOTAL", "INCOME_CREDIT_PERC", "INCOME_PER_PERSON",
            "ANNUITY_INCOME_PERC", "EXT_SOURCE_2", "EXT_SOURCE_3");

    private static ScoringModel model;
    private static ClientHistory history;
    private static Table reference;
    private static Table unshifted;

    @BeforeAll
    static void open() {
        model = ScoringModel.load(QuickModel.get().modelDir());
        history = new ClientHistory(QuickModel.get().data());
        Table train = QuickModel.get().data().table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        int half = train.rowCount() / 2;
        reference = train.inRange(0, half);
        unshifted = train.inRange(half, train.rowCount());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void thePlantedShiftTopsTheListAndTheRestStaysStable() {
        Table current = unshifted.copy();
        SplittableRandom rng = new SplittableRandom(9);
        replace(current, "AMT_INCOME_TOTAL", v -> v * 1.8);
        replace(current, "EXT_SOURCE_2", v -> Math.max(0, v - 0.25 - 0.05 * rng.nextDouble()));
        replace(current, "EXT_SOURCE_3", v -> Math.max(0, v - 0.25 - 0.05 * rng.nextDouble()));

        DriftReport report = analyse(current);

        List<String> model = report.features().stream().map(FeatureDrift::name).toList();
        List<String> byPsi = report.features().stream().sorted((a, b) -> Double.compare(b.psi(), a.psi()))
                .map(FeatureDrift::name).limit(SHIFTED.size()).toList();
        assertEquals(SHIFTED.stream().filter(model::contains).sorted().toList(), byPsi.stream().sorted().toList(),
                "the six most drifted features are the planted ones: " + byPsi);
        for (FeatureDrift drift : report.features()) {
            if (SHIFTED.contains(drift.name())) {
                assertEquals(Stability.SIGNIFICANT, drift.stability(), drift.toString());
                assertTrue(drift.ksPValue() < 1e-6, drift.toString());
            } else {
                assertEquals(Stability.STABLE, drift.stability(), drift.toString());
            }
        }
        // the raw columns: the three we moved, and nothing else
        assertEquals(Set.of("AMT_INCOME_TOTAL", "EXT_SOURCE_2", "EXT_SOURCE_3"),
                Set.copyOf(report.columns().stream().limit(3).map(FeatureDrift::name).toList()));
        assertTrue(report.columns().stream().skip(3).allMatch(c -> c.stability() == Stability.STABLE), report.columns().toString());
        // lower external scores mean riskier applicants: the score moved, and the verdict says so
        assertTrue(report.scorePsi() > Stability.MODERATE_FROM, "score PSI " + report.scorePsi());
        assertTrue(report.verdict() != Stability.STABLE, report.verdict().toString());
        assertTrue(report.features().get(0).weightedPsi() >= report.features().get(1).weightedPsi());
    }

    @Test
    void twoHalvesOfOneBatchAreStable() {
        DriftReport report = analyse(unshifted);
        assertEquals(Stability.STABLE, report.verdict());
        assertTrue(report.features(Stability.SIGNIFICANT).isEmpty(), report.features(Stability.SIGNIFICANT).toString());
        assertTrue(report.scorePsi() < 0.05, "score PSI " + report.scorePsi());
        assertEquals(reference.rowCount(), report.referenceRows());
        assertEquals(unshifted.rowCount(), report.currentRows());
    }

    private static DriftReport analyse(Table current) {
        FeatureMatrix ref = model.pipeline().compute(reference, history);
        FeatureMatrix cur = model.pipeline().compute(current, history);
        return DriftAnalysis.compare(model.card().featureNames(), model.card().details().globalImportance(),
                ref, model.probabilities(ref), cur, model.probabilities(cur), reference, current);
    }

    private static void replace(Table table, String name, java.util.function.DoubleUnaryOperator change) {
        NumericColumn<?> column = table.numberColumn(name);
        double[] values = new double[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.isMissing(i) ? Double.NaN : change.applyAsDouble(column.getDouble(i));
        }
        table.replaceColumn(name, DoubleColumn.create(name, values));
    }
}
