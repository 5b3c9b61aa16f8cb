package com.pretadepenser.creditdesk.app.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.monitoring.DriftComparison;
import com.pretadepenser.creditdesk.engine.monitoring.Stability;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The drift screen's state, without a display, on the demo dataset and a model trained in the test. */
class DriftViewModelTest {
    @Test
    void theDemosTestApplicantsAgainstItsTrainApplicantsReadAsTheEngineSaysInEnglishAndFrench() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        DriftViewModel drift = new DriftViewModel(main.executor(), main.i18n(), main.workspaceProperty());
        assertTrue(drift.canRunProperty().getValue(), "the test applicants need no folder");
        assertTrue(drift.rows().isEmpty());

        drift.run();

        var workspace = DemoWorkspace.get();
        var expected = DriftComparison.run(workspace.model(), workspace.data(), DriftComparison.Applicants.TRAIN, "demo",
                workspace.data(), DriftComparison.Applicants.TEST, "demo", ProgressMonitor.NONE).report();
        assertEquals(expected.verdict(), drift.verdictProperty().get());
        assertEquals(expected.features().size(), drift.rows().size());
        assertEquals(expected.features().get(0).name(), drift.rows().get(0).feature(), "most drifted first, as the engine orders them");
        String summary = drift.summaryProperty().get();
        assertTrue(summary.contains("%,d applicants".formatted(workspace.data().rowCount(HomeCreditTable.APPLICATION_TEST))), summary);
        assertTrue(summary.contains("%,d train applicants".formatted(workspace.data().rowCount(HomeCreditTable.APPLICATION_TRAIN))), summary);
        assertEquals(Stability.STABLE, drift.verdictProperty().get(), "the demo's two sets come from one generator");
        assertEquals("Stable", drift.verdictTextProperty().get());
        assertFalse(drift.rows().get(0).label().equals(drift.rows().get(0).feature()), "features are named in words");

        // the first row is chosen: its two distributions, summing to 100 %
        assertNotNull(drift.selectedProperty().get());
        DriftComparison.Overlay overlay = drift.overlayProperty().get();
        assertEquals(drift.selectedProperty().get().feature(), overlay.feature());
        assertEquals(1, Arrays.stream(overlay.reference()).sum(), 1e-9);
        assertEquals(1, Arrays.stream(overlay.current()).sum(), 1e-9);
        assertEquals("missing", drift.binLabel(overlay, overlay.reference().length - 1));

        main.i18n().setLocale(Locale.FRENCH);
        assertEquals("Stable", drift.verdictTextProperty().get());
        assertTrue(drift.summaryProperty().get().contains("demandeurs d\u2019entra\u00eenement")
                || drift.summaryProperty().get().contains("demandeurs d'entra\u00eenement"), drift.summaryProperty().get());
        assertEquals("manquant", drift.binLabel(overlay, overlay.reference().length - 1));
        assertEquals(expected.features().get(0).name(), drift.rows().get(0).feature(), "the same rows in French");
    }

    @Test
    void anotherDatasetIsRunOnlyOnceChosenAndItsErrorIsShownNotThrown() {
        MainViewModel main = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        DriftViewModel drift = new DriftViewModel(main.executor(), main.i18n(), main.workspaceProperty());
        drift.batchProperty().set(DriftViewModel.Batch.OTHER_DATASET);
        assertFalse(drift.canRunProperty().getValue(), "no folder chosen yet");
        Path nowhere = Path.of("/nonexistent/march-applicants");
        drift.otherDatasetProperty().set(nowhere);
        assertTrue(drift.canRunProperty().getValue());

        drift.run();

        assertTrue(drift.messageProperty().get().contains("march-applicants"), drift.messageProperty().get());
        assertTrue(drift.rows().isEmpty());
        assertFalse(drift.runningProperty().get());
    }
}
