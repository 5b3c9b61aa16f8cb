package com.pretadepenser.creditdesk.engine.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.RecordingMonitor;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PeerIndexTest {
    private static ScoringModel model;
    private static PeerIndex index;
    private static int client;

    @BeforeAll
    static void build() {
        model = ScoringModel.load(QuickModel.get().modelDir());
        index = PeerIndexBuilder.build(model, QuickModel.get().data(), new ClientHistory(QuickModel.get().data()));
        client = QuickModel.get().data().table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow().intColumn("SK_ID_CURR").getInt(11);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void builtInChunksOnTwoThreadsEveryClientHasItsOwnScoreAndValuesInOrder() {
        var data = QuickModel.get().data();
        RecordingMonitor progress = new RecordingMonitor();
        PeerIndex index = PeerIndexBuilder.build(model, data, new ClientHistory(data), progress, 300);
        assertTrue(progress.reports().size() > 10 && progress.last().share() == 1.0, "progress to the end: " + progress.reports());
        assertTrue(progress.doneNeverGoesBack(), progress.reports().toString());
        long chunks = java.util.stream.Stream.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST)
                .mapToLong(t -> data.table(t).map(table -> (table.rowCount() + 299) / 300).orElse(0)).sum();
        assertEquals(chunks, progress.last().total(), "one step per chunk of 300 clients");
        assertEquals(data.clientCount(), index.size());
        var scorer = new com.pretadepenser.creditdesk.engine.scoring.ClientScorer(model, data);
        int[] ids = scorer.clientIds();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            int id = ids[rng.nextInt(ids.length)];
            var one = scorer.score(id);
            assertEquals(one.score().probability(), index.probability(id), 1e-12, "client " + id);
            for (String feature : model.card().featureNames()) {
                assertEquals(Double.doubleToLongBits(one.features().value(0, feature)), Double.doubleToLongBits(index.value(id, feature)),
                        feature + " of client " + id);
            }
            assertEquals(Double.doubleToLongBits(scorer.application(id).number("AMT_INCOME_TOTAL")),
                    Double.doubleToLongBits(index.value(id, "AMT_INCOME_TOTAL")), "a segment attribute is kept too");
        }
    }

    @Test
    void aBuildCancelledMidWayStopsBeforeTheLastChunk() {
        var data = QuickModel.get().data();
        RecordingMonitor monitor = new RecordingMonitor(reports -> !reports.isEmpty() && reports.get(reports.size() - 1).done() >= 3);

        assertThrows(CancellationException.class, () -> PeerIndexBuilder.build(model, data, new ClientHistory(data), monitor, 300));

        assertTrue(monitor.last().done() >= 3 && monitor.last().done() < monitor.last().total(), "stopped mid-way: " + monitor.last());
    }

    @Test
    void groupsCoverTheDataset() {
        int train = QuickModel.get().data().rowCount(HomeCreditTable.APPLICATION_TRAIN);
        assertEquals(QuickModel.get().data().clientCount(), index.all().size());
        assertEquals(train, index.repayers().size() + index.defaulters().size());
        assertEquals(10, index.neighbourFeatures().size());
    }

    @Test
    void distributionPlacesTheClientExactly() {
        PeerGroup all = index.all();
        double value = index.value(client, "AMT_CREDIT");
        Distribution d = index.distribution(all, "AMT_CREDIT", value, 30);

        assertEquals(d.present(), Arrays.stream(d.binCounts()).sum());
        assertEquals(31, d.binEdges().length);
        double[] column = index.column("AMT_CREDIT");
        long below = Arrays.stream(column).filter(v -> !Double.isNaN(v) && v < value).count();
        assertEquals(100.0 * below / d.present(), d.clientPercentile(), 1e-9);
        for (int q = 1; q < d.quantiles().length; q++) {
            assertTrue(d.quantiles()[q - 1] <= d.quantiles()[q]);
        }
        double meanProbability = Arrays.stream(index.probabilities()).average().orElseThrow();
        assertEquals(meanProbability, d.meanProbability(), 1e-12);
    }

    @Test
    void aDayCountIsPlacedFromBothEndsAndTheSegmentDefaultRateCountsItsLabelledMembers() {
        // Years employed are read backwards from DAYS_EMPLOYED (negative day counts).
        assertTrue(com.pretadepenser.creditdesk.engine.explain.HumanValues.readsBackwards("DAYS_EMPLOYED"));
        PeerGroup segment = index.segment(client, List.of(Segment.GENDER));
        double value = index.value(client, "DAYS_EMPLOYED");
        Distribution d = index.distribution(segment, "DAYS_EMPLOYED", value, 20);

        double[] column = index.column("DAYS_EMPLOYED");
        long above = IntStream.of(segment.rows()).filter(r -> !Double.isNaN(column[r]) && column[r] > value).count();
        long equal = IntStream.of(segment.rows()).filter(r -> column[r] == value).count();
        assertEquals(100.0 * above / d.present(), d.clientPercentileAbove(), 1e-9, "longer employed than the client");
        assertEquals(100.0, d.clientPercentile() + d.clientPercentileAbove() + 100.0 * equal / d.present(), 1e-9);
        assertEquals(d.clientPercentileAbove(), d.percentile(true));
        int[] outcome = index.outcomes();
        long labelled = IntStream.of(segment.rows()).filter(r -> outcome[r] >= 0).count();
        long defaults = IntStream.of(segment.rows()).filter(r -> outcome[r] == 1).count();
        assertEquals(labelled, d.labelled());
        assertEquals((double) defaults / labelled, d.defaultRate(), 1e-12);
        assertTrue(d.defaultRate() > 0 && d.defaultRate() < 1, "a real mix: " + d.defaultRate());
    }

    @Test
    void repayersAndDefaultersHaveTheirOwnDefaultRates() {
        assertEquals(0.0, index.distribution(index.repayers(), "EXT_SOURCE_2", 0.5, 20).defaultRate());
        assertEquals(1.0, index.distribution(index.defaulters(), "EXT_SOURCE_2", 0.5, 20).defaultRate());
        double repayers = index.distribution(index.repayers(), "EXT_SOURCE_2", 0.5, 20).quantiles()[2];
        double defaulters = index.distribution(index.defaulters(), "EXT_SOURCE_2", 0.5, 20).quantiles()[2];
        assertTrue(repayers > defaulters, "defaulters have lower external scores: " + repayers + " vs " + defaulters);
    }

    @Test
    void segmentMembersShareTheClientsAttributes() {
        List<Segment> attributes = List.of(Segment.GENDER, Segment.AGE_BAND, Segment.EDUCATION);
        PeerGroup segment = index.segment(client, attributes);
        int clientRow = index.row(client);
        assertTrue(IntStream.of(segment.rows()).anyMatch(r -> r == clientRow));
        assertTrue(segment.size() < index.size());
        double[] gender = index.column("CODE_GENDER");
        for (int r : segment.rows()) {
            assertEquals(gender[clientRow], gender[r]);
            assertEquals(Segment.AGE_BAND.band(index.column("DAYS_BIRTH")[clientRow]), Segment.AGE_BAND.band(index.column("DAYS_BIRTH")[r]));
        }
    }

    @Test
    void nearestNeighboursAreCloserThanEveryoneElse() {
        PeerGroup near = index.nearest(client, 50);
        assertEquals(50, near.size());
        int clientRow = index.row(client);
        assertFalse(IntStream.of(near.rows()).anyMatch(r -> r == clientRow), "the client is not their own peer");
        double farthestMember = IntStream.of(near.rows()).mapToDouble(r -> distance(r, clientRow)).max().orElseThrow();
        java.util.Set<Integer> members = IntStream.of(near.rows()).boxed().collect(java.util.stream.Collectors.toSet());
        double closestOther = IntStream.range(0, index.size()).filter(r -> r != clientRow && !members.contains(r))
                .mapToDouble(r -> distance(r, clientRow)).min().orElseThrow();
        assertTrue(farthestMember <= closestOther + 1e-12);
    }

    @Test
    void scatterSamplesLargeGroupsOnly() {
        assertEquals(500, index.sample(index.all(), 500).length);
        PeerGroup near = index.nearest(client, 20);
        assertEquals(20, index.sample(near, 500).length);
    }

    private static double[][] z;

    private static double distance(int a, int b) {
        if (z == null) {
            z = new double[index.neighbourFeatures().size()][];
            for (int f = 0; f < z.length; f++) {
                double[] column = index.column(index.neighbourFeatures().get(f));
                double[] present = Arrays.stream(column).filter(v -> !Double.isNaN(v)).toArray();
                double mean = Arrays.stream(present).average().orElse(0);
                double sd = Math.sqrt(Arrays.stream(present).map(v -> (v - mean) * (v - mean)).sum() / (present.length - 1));
                z[f] = Arrays.stream(column).map(v -> Double.isNaN(v) ? 0 : (v - mean) / (sd == 0 ? 1 : sd)).toArray();
            }
        }
        double d = 0;
        for (double[] feature : z) {
            d += (feature[a] - feature[b]) * (feature[a] - feature[b]);
        }
        return d;
    }
}
