package com.pretadepenser.creditdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.junit.jupiter.api.Test;

class ProgressBarMonitorTest {
    private static ProgressBar bar(long max) {
        return new ProgressBarBuilder().setTaskName("test").setInitialMax(max)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(new ByteArrayOutputStream(), true))).build();
    }

    @Test
    void theTasksUnitsAreTheBarsStepsAndItsMessageTheExtraMessage() {
        try (ProgressBar bar = bar(1)) {
            ProgressBarMonitor monitor = ProgressBarMonitor.of(bar);
            monitor.progress(3, 12, "tuning, setting 1/20, fold 1/2");
            assertEquals(3, bar.getCurrent());
            assertEquals(12, bar.getMax());
            assertEquals("tuning, setting 1/20, fold 1/2", bar.getExtraMessage());
            assertFalse(monitor.isCancelled(), "the command line never cancels");
        }
    }

    @Test
    void bytesAreShownInMegabytesAndSharesPerMille() {
        try (ProgressBar bytes = bar(1); ProgressBar share = bar(1000)) {
            ProgressBarMonitor.inMillions(bytes).progress(7_500_000, 20_000_000, "bureau.csv");
            assertEquals(7, bytes.getCurrent());
            assertEquals(20, bytes.getMax());
            ProgressBarMonitor.perMille(share).progress(1, 8, "hashing bureau.csv");
            assertEquals(125, share.getCurrent());
            assertEquals(1000, share.getMax());
        }
    }

    @Test
    void aNamingMonitorSaysWhatTheCommandIsDoing() {
        try (ProgressBar bar = bar(1)) {
            ProgressBarMonitor monitor = ProgressBarMonitor.of(bar).naming("training: ");
            monitor.phase("none, fold 2/5");
            monitor.progress(1, 9, "none, fold 2/5");
            monitor.progress(1, 9, "none, fold 2/5, round 25, AUC 0.7512");
            assertEquals("training: none, fold 2/5", Progress.activity(), "the phase, not its rounds");
            assertEquals("none, fold 2/5, round 25, AUC 0.7512", bar.getExtraMessage());
        } finally {
            Progress.activity("");
        }
    }
}
