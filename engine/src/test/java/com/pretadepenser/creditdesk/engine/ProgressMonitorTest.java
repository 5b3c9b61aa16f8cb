package com.pretadepenser.creditdesk.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ProgressMonitorTest {
    @Test
    void aPartMapsItsWorkIntoItsSpanAndPrefixesItsMessages() {
        RecordingMonitor parent = new RecordingMonitor();
        ProgressMonitor part = parent.part(10, 20, 40, "fold 2/4");

        part.progress(0, 200, "round 0");
        part.progress(50, 200, "round 50, AUC 0.7000");
        part.progress(200, 200, "");

        assertEquals(List.of(new RecordingMonitor.Report(10, 40, "fold 2/4, round 0"),
                new RecordingMonitor.Report(12, 40, "fold 2/4, round 50, AUC 0.7000"),
                new RecordingMonitor.Report(20, 40, "fold 2/4")), parent.reports());
        part.phase("bag 2/3");
        parent.withMessage("").phase("peer index");
        assertEquals(List.of("fold 2/4, bag 2/3", "peer index"), parent.phases());
    }

    @Test
    void aPartIsCancelledWithItsParentAndAMessageCanBeReplaced() {
        boolean[] stop = {false};
        RecordingMonitor parent = new RecordingMonitor(reports -> stop[0]);
        ProgressMonitor part = parent.part(0, 0, 1, "");
        ProgressMonitor quiet = parent.withMessage("");

        assertFalse(part.isCancelled());
        assertDoesNotThrow(() -> quiet.checkCancelled("peer index"));
        stop[0] = true;
        assertTrue(part.isCancelled());
        CancellationException e = assertThrows(CancellationException.class, () -> quiet.checkCancelled("peer index"));
        assertEquals("peer index cancelled", e.getMessage());

        quiet.progress(3, 7, "chunk 3");
        assertEquals(new RecordingMonitor.Report(3, 7, ""), parent.last());
    }

    @Test
    void noneIsNeverCancelled() {
        assertFalse(ProgressMonitor.NONE.isCancelled());
        assertDoesNotThrow(() -> ProgressMonitor.NONE.checkCancelled("anything"));
    }
}
