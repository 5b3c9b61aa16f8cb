package com.pretadepenser.creditdesk.engine.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.RecordingMonitor;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DriftComparisonTest {
    private static ScoringModel model;
    private static HomeCreditData data;

    @BeforeAll
    static void open() {
        model = ScoringModel.load(QuickModel.get().modelDir());
        data = QuickModel.get().data();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void testApplicantsAgainstTrainApplicantsWithProgressAndTheOverlays() {
        RecordingMonitor monitor = new RecordingMonitor();
        DriftComparison comparison = DriftComparison.run(model, data, DriftComparison.Applicants.TRAIN, "demo",
                data, DriftComparison.Applicants.TEST, "demo", monitor);
        DriftReport report = comparison.report();
        assertEquals(data.rowCount(HomeCreditTable.APPLICATION_TRAIN), report.referenceRows());
        assertEquals(data.rowCount(HomeCreditTable.APPLICATION_TEST), report.currentRows());
        assertEquals(model.card().featureNames().size(), report.features().size());
        RecordingMonitor.Report last = monitor.reports().get(monitor.reports().size() - 1);
        assertEquals(last.total(), last.done(), "progress reaches the total");
        for (FeatureDrift drift : report.features()) {
            DriftComparison.Overlay overlay = comparison.overlay(drift.name());
            assertEquals(1, Arrays.stream(overlay.reference()).sum(), 1e-9, drift.name());
            assertEquals(1, Arrays.stream(overlay.current()).sum(), 1e-9, drift.name());
            // the overlay's bins are the ones the PSI counts
            assertEquals(drift.psi(), PopulationStability.index(overlay.reference(), overlay.current()), 1e-9, drift.name());
        }
    }

    @Test
    void allApplicantsOfADatasetAreTrainAndTestTogether() {
        DriftComparison comparison = DriftComparison.run(model, data, DriftComparison.Applicants.ALL, "demo",
                data, DriftComparison.Applicants.ALL, "demo", ProgressMonitor.NONE);
        assertEquals(data.rowCount(HomeCreditTable.APPLICATION_TRAIN) + data.rowCount(HomeCreditTable.APPLICATION_TEST),
                comparison.report().currentRows());
        assertEquals(0, comparison.report().scorePsi(), 1e-12, "a batch against itself");
    }

    @Test
    void aBatchWithoutTheApplicantsAskedForIsNamed() {
        HomeCreditData trainOnly = new HomeCreditData(Map.of(HomeCreditTable.APPLICATION_TRAIN,
                data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow()), Map.of(), java.util.List.of());
        CreditDeskException e = assertThrows(CreditDeskException.class, () -> DriftComparison.run(model, data,
                DriftComparison.Applicants.TRAIN, "demo", trainOnly, DriftComparison.Applicants.TEST, "/data/march", ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("/data/march") && e.getMessage().contains("application_test.csv"), e.getMessage());
    }

    @Test
    void aCancelledCheckStops() {
        assertThrows(CancellationException.class, () -> DriftComparison.run(model, data, DriftComparison.Applicants.TRAIN, "demo",
                data, DriftComparison.Applicants.TEST, "demo", RecordingMonitor.cancellingAtPoll(1)));
    }
}
