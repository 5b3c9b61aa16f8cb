package com.pretadepenser.creditdesk.engine.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.RecordingMonitor;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerIndexCacheTest {
    private static final String DATASET = "a".repeat(64);
    private static ScoringModel model;
    private static ClientHistory history;
    private static PeerIndex built;

    @TempDir
    Path folder;

    @BeforeAll
    static void build() {
        model = ScoringModel.load(QuickModel.get().modelDir());
        history = new ClientHistory(QuickModel.get().data());
        built = PeerIndexBuilder.build(model, QuickModel.get().data(), history);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private PeerIndexCache.Loaded load(PeerIndexCache cache, String dataset) {
        return cache.load(model, QuickModel.get().data(), history, dataset, ProgressMonitor.NONE);
    }

    private static void assertSameIndex(PeerIndex expected, PeerIndex actual) {
        assertEquals(expected.size(), actual.size());
        assertArrayEquals(expected.features().clientIds(), actual.features().clientIds());
        assertEquals(expected.features().names(), actual.features().names());
        for (String feature : expected.features().names()) {
            assertArrayEquals(expected.column(feature), actual.column(feature), 0.0, feature);
        }
        assertArrayEquals(expected.probabilities(), actual.probabilities(), 0.0);
        assertArrayEquals(expected.outcomes(), actual.outcomes());
        assertEquals(expected.neighbourFeatures(), actual.neighbourFeatures());
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), "one cache file, no temporary left: " + all);
            return all.get(0);
        }
    }

    @Test
    void theFirstStartBuildsAndWritesTheSecondReadsTheSameIndex() throws IOException {
        PeerIndexCache cache = new PeerIndexCache(folder);
        PeerIndexCache.Loaded first = load(cache, DATASET);
        assertFalse(first.fromCache());
        assertSameIndex(built, first.index());
        Path file = onlyFile();
        assertTrue(file.getFileName().toString().startsWith("peers-" + DATASET.substring(0, 16)), file.toString());

        PeerIndexCache.Loaded second = load(cache, DATASET);
        assertTrue(second.fromCache(), second.why());
        assertSameIndex(built, second.index());
        int client = built.features().clientId(7);
        assertEquals(built.nearest(client, 20).rows().length, second.index().nearest(client, 20).rows().length);
    }

    @Test
    void aCancelledBuildWritesNoCacheFile() throws IOException {
        PeerIndexCache cache = new PeerIndexCache(folder);
        RecordingMonitor monitor = new RecordingMonitor(reports -> !reports.isEmpty());

        assertThrows(java.util.concurrent.CancellationException.class,
                () -> cache.load(model, QuickModel.get().data(), history, DATASET, monitor));

        try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            assertEquals(List.of(), files.toList(), "neither a cache file nor a temporary one");
        }
        assertFalse(load(cache, DATASET).fromCache(), "the next start builds it");
        onlyFile();
    }

    @Test
    void aTornFileIsNotTrustedButBuiltAgainAndReplaced() throws IOException {
        PeerIndexCache cache = new PeerIndexCache(folder);
        load(cache, DATASET);
        Path file = onlyFile();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        PeerIndexCache.Loaded torn = load(cache, DATASET);
        assertFalse(torn.fromCache());
        assertTrue(torn.why().contains("torn"), torn.why());
        assertSameIndex(built, torn.index());
        assertArrayEquals(whole, Files.readAllBytes(onlyFile()), "the file is written whole again");
        assertTrue(load(cache, DATASET).fromCache());
    }

    @Test
    void oneChangedByteIsCaughtByTheChecksum() throws IOException {
        PeerIndexCache cache = new PeerIndexCache(folder);
        load(cache, DATASET);
        Path file = onlyFile();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 100] ^= 0x10; // inside the outcomes
        Files.write(file, bytes);

        PeerIndexCache.Loaded damaged = load(cache, DATASET);
        assertFalse(damaged.fromCache());
        assertTrue(damaged.why().contains("checksum"), damaged.why());
        assertSameIndex(built, damaged.index());
    }

    @Test
    void aFileMadeFromOtherDataIsNotUsedEvenUnderThisDatasetsName() throws IOException {
        PeerIndexCache cache = new PeerIndexCache(folder);
        String other = "a".repeat(16) + "b".repeat(48); // the same first 16 characters: the same file name
        load(cache, other);
        assertEquals(cache.file(other, PeerIndexCache.modelKey(model.card())), onlyFile());

        PeerIndexCache.Loaded loaded = load(cache, DATASET);
        assertFalse(loaded.fromCache());
        assertTrue(loaded.why().contains("other data"), loaded.why());
    }

    @Test
    void anotherModelHasItsOwnKey() {
        var card = model.card();
        var d = card.details();
        var renamed = new com.pretadepenser.creditdesk.engine.model.ModelCard(card.schemaVersion(),
                new com.pretadepenser.creditdesk.engine.model.ModelDetails(d.name() + " v2", d.trainedAt(), d.modelFile(), d.features(),
                        d.featureSchema(), d.hyperParameters(), d.rounds(), d.globalImportance(), d.environment()),
                card.training(), card.evaluation(), card.usage());
        assertFalse(PeerIndexCache.modelKey(card).equals(PeerIndexCache.modelKey(renamed)));
        assertEquals(PeerIndexCache.modelKey(card), PeerIndexCache.modelKey(ScoringModel.load(QuickModel.get().modelDir()).card()),
                "the same card read again has the same key");
    }

    @Test
    void equalMapsBuiltInAnotherOrderGiveTheSameKey() {
        var card = model.card();
        var d = card.details();
        var reversed = new com.pretadepenser.creditdesk.engine.model.ModelCard(card.schemaVersion(),
                new com.pretadepenser.creditdesk.engine.model.ModelDetails(d.name(), d.trainedAt(), d.modelFile(), d.features(),
                        d.featureSchema(), reversed(d.hyperParameters()), d.rounds(), reversed(d.globalImportance()),
                        reversed(d.environment())),
                card.training(), card.evaluation(), card.usage());
        assertEquals(d.hyperParameters(), reversed.details().hyperParameters());
        assertFalse(List.copyOf(d.hyperParameters().keySet()).equals(List.copyOf(reversed.details().hyperParameters().keySet())),
                "the maps really are built in another order");

        assertEquals(PeerIndexCache.modelKey(card), PeerIndexCache.modelKey(reversed));
    }

    @Test
    void mapsWhoseIterationOrderDiffersGiveTheSameKey() {
        // Map.copyOf's order depends on a per-process salt; a HashMap's on its capacity: neither may change the key.
        var card = model.card();
        var d = card.details();
        java.util.Map<String, String> small = new java.util.HashMap<>(d.hyperParameters());
        java.util.Map<String, String> large = new java.util.HashMap<>(1 << 12);
        List<String> keys = new java.util.ArrayList<>(d.hyperParameters().keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> large.put(k, d.hyperParameters().get(k)));
        var one = withHyperParameters(card, small);
        var other = withHyperParameters(card, large);

        assertEquals(PeerIndexCache.modelKey(one), PeerIndexCache.modelKey(other));
        assertEquals(PeerIndexCache.modelKey(card), PeerIndexCache.modelKey(one));
    }

    private static com.pretadepenser.creditdesk.engine.model.ModelCard withHyperParameters(
            com.pretadepenser.creditdesk.engine.model.ModelCard card, java.util.Map<String, String> hyper) {
        var d = card.details();
        return new com.pretadepenser.creditdesk.engine.model.ModelCard(card.schemaVersion(),
                new com.pretadepenser.creditdesk.engine.model.ModelDetails(d.name(), d.trainedAt(), d.modelFile(), d.features(),
                        d.featureSchema(), hyper, d.rounds(), d.globalImportance(), d.environment()),
                card.training(), card.evaluation(), card.usage());
    }

    private static <V> java.util.Map<String, V> reversed(java.util.Map<String, V> map) {
        List<String> keys = new java.util.ArrayList<>(map.keySet());
        java.util.Collections.reverse(keys);
        java.util.Map<String, V> out = new java.util.LinkedHashMap<>();
        keys.forEach(k -> out.put(k, map.get(k)));
        return out;
    }

    @Test
    void onlyTheMostRecentFilesAreKept() throws IOException {
        PeerIndexCache cache = new PeerIndexCache(folder);
        for (int i = 0; i < PeerIndexCache.KEEP + 2; i++) {
            String dataset = Integer.toString(i).repeat(64);
            load(cache, dataset);
            Files.setLastModifiedTime(cache.file(dataset, PeerIndexCache.modelKey(model.card())),
                    java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L + i * 60_000L));
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(PeerIndexCache.KEEP, files.count());
        }
        assertFalse(Files.exists(cache.file("0".repeat(64), PeerIndexCache.modelKey(model.card()))), "the oldest went first");
    }

    @Test
    void aCacheThatCannotBeWrittenCostsOnlyTheNextStartsTime() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("occupied"), "a file where the cache folder should be");
        PeerIndexCache.Loaded loaded = load(new PeerIndexCache(notAFolder), DATASET);
        assertFalse(loaded.fromCache());
        assertSameIndex(built, loaded.index());
        assertEquals("a file where the cache folder should be", Files.readString(notAFolder));
    }

    @Test
    void dataWithoutIdentityIsBuiltAndNotCached() throws IOException {
        PeerIndexCache.Loaded loaded = load(new PeerIndexCache(folder), null);
        assertFalse(loaded.fromCache());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }
}
