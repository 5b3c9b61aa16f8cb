package com.pretadepenser.creditdesk.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.RecordingMonitor;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ScoreExportTest {
    private static ScoringModel model;
    private static ScoreExport export;
    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        model = ScoringModel.load(QuickModel.get().modelDir());
        export = new ScoreExport(model, QuickModel.get().data(), new ClientHistory(QuickModel.get().data()));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void chunkedScoresEqualOneBatchAndProgressReachesTheTotal() throws IOException {
        RecordingMonitor progress = new RecordingMonitor();
        ScoreExport.Summary summary = export.write(dir.resolve("scores.csv"), false, null, progress);

        Table train = QuickModel.get().data().table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        int clients = train.rowCount() + QuickModel.get().data().table(HomeCreditTable.APPLICATION_TEST).orElseThrow().rowCount();
        double[] batch = model.probabilities(train, new ClientHistory(QuickModel.get().data()));
        List<String> lines = Files.readAllLines(summary.file());
        assertEquals("SK_ID_CURR,SET,PROBABILITY,DECISION", lines.get(0));
        assertEquals(clients + 1, lines.size());
        assertEquals(clients, summary.total());
        for (int i = 0; i < train.rowCount(); i += 97) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(train.intColumn("SK_ID_CURR").getInt(i), Integer.parseInt(cells[0]));
            assertEquals(batch[i], Double.parseDouble(cells[2]), 5e-7);
            assertEquals(model.refused(batch[i]) ? "REFUSED" : "GRANTED", cells[3]);
        }
        assertEquals(clients, progress.last().done());
        assertEquals(clients, progress.last().total());
        assertTrue(progress.reports().size() >= 2, "reported while scoring");
        assertTrue(progress.doneNeverGoesBack(), progress.reports().toString());
        assertEquals(lines.stream().skip(1).filter(l -> l.endsWith("GRANTED")).count(), summary.granted());
    }

    @Test
    void reasonsAreAddedInTheLanguageAsked() throws IOException {
        ScoreExport.Summary summary = export.write(dir.resolve("reasons.csv"), false, Locale.FRENCH, ProgressMonitor.NONE);

        List<String> lines = Files.readAllLines(summary.file());
        assertEquals("SK_ID_CURR,SET,PROBABILITY,DECISION,REASON_1,REASON_2,REASON_3", lines.get(0));
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.contains("les scores de cr\u00e9dit externes")), "French family labels");
    }

    @Test
    void probabilitiesHaveSixDecimalsAndAPointOnAFrenchWorkstation() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRANCE);
        try {
            ScoreExport.Summary summary = export.write(dir.resolve("fr.csv"), false, null, ProgressMonitor.NONE);
            List<String> lines = Files.readAllLines(summary.file());
            for (String line : lines.subList(1, lines.size())) {
                assertTrue(line.split(",")[2].matches("[01]\\.\\d{6}"), line);
            }
        } finally {
            Locale.setDefault(before);
        }
        // Rounded half up as "%.6f" rounds, including the halves and the ends.
        for (double p : new double[] {0, 1, 1e-9, 5e-7, 0.0000015, 0.1234565, 0.9999995, 0.108}) {
            assertEquals(String.format(Locale.ROOT, "%.6f", p), ScoreExport.probability(p), Double.toString(p));
        }
    }

    @Test
    void aCancelledExportLeavesNoFile() throws IOException {
        Path out = dir.resolve("cancelled.csv");
        RecordingMonitor monitor = RecordingMonitor.cancellingAtPoll(2);

        assertThrows(CancellationException.class, () -> export.write(out, false, null, monitor));
        assertTrue(monitor.last().done() < monitor.last().total(), "stopped before the end: " + monitor.last());

        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "neither the file nor a partial one");
        }
    }

    @Test
    void anExistingFileIsKeptUnlessReplacing() throws IOException {
        Path out = dir.resolve("mine.csv");
        Files.writeString(out, "my own notes");

        CreditDeskException e = assertThrows(CreditDeskException.class, () -> export.write(out, false, null, ProgressMonitor.NONE));

        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("my own notes", Files.readString(out));
    }
}
