package com.pretadepenser.creditdesk.engine.session;

import com.pretadepenser.creditdesk.engine.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.RecordingMonitor;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.peers.PeerIndexCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a dataset with a model: one way, for the dashboard, the API and the commands. */
class SessionTest {
    @TempDir
    Path dir;


    @Test
    void opensALocalDatasetWithAModel() {
        try (Session session = Session.open(ProjectFolder.of("data/demo"), ProjectFolder.of("models/default"))) {
            assertTrue(session.synthetic(), "the demo dataset is synthetic");
            assertNotNull(session.dataSource().identity(), "a local dataset has an identity for the caches");
            int client = session.scorer().clientIds()[0];
            var scored = session.scorer().score(client);
            assertEquals(session.card().evaluation().threshold(), scored.score().threshold());
            assertEquals(scored.score(), session.explainer().explain(scored, Locale.ENGLISH).score());
            assertEquals("default", session.card().details().name());
        }
    }

    @Test
    void opensAFolderOfCsvsWithItsReader() {
        Path csv = QuickModel.get().modelDir().resolveSibling("syn");
        AtomicInteger reads = new AtomicInteger();
        try (Session session = Session.open(csv, QuickModel.get().modelDir(), folder -> {
            reads.incrementAndGet();
            return folder.read();
        })) {
            assertEquals(1, reads.get(), "the folder of CSVs is read by the reader given");
            assertNull(session.dataSource().identity(), "a folder of CSVs is not cached");
            assertEquals(QuickModel.get().data().rowCount(HomeCreditTable.APPLICATION_TRAIN),
                    session.data().rowCount(HomeCreditTable.APPLICATION_TRAIN));
        }
    }

    @Test
    void buildsThePeerIndexOnceOnFirstUse() {
        var quick = QuickModel.get();
        try (Session session = Session.of(new Session.Data(dir, quick.data(), true, null), ScoringModel.load(quick.modelDir()),
                new PeerIndexCache(dir.resolve("cache")))) {
            RecordingMonitor progress = new RecordingMonitor();
            var peers = session.peers(progress);
            assertTrue(progress.reports().size() > 0, "building tells its progress");
            RecordingMonitor again = new RecordingMonitor();
            assertSame(peers, session.peers(again));
            assertTrue(again.reports().isEmpty(), "the second call reuses the index");
            assertEquals(session.scorer().clientIds().length, peers.size());
        }
    }

    @Test
    void theModelsErrorIsTheOneThrownWhenBothFail() {
        CreditDeskException e = assertThrows(CreditDeskException.class,
                () -> Session.open(dir.resolve("no-data"), dir.resolve("no-model")));

        assertTrue(e.getMessage().contains("is not a CreditDesk model"), e.getMessage());
    }

    @Test
    void aFolderWithoutDataIsRefused() {
        CreditDeskException e = assertThrows(CreditDeskException.class, () -> Session.open(dir, QuickModel.get().modelDir()));

        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }
}
