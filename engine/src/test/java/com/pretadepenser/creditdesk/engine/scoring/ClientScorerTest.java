package com.pretadepenser.creditdesk.engine.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ClientScorerTest {
    private static ScoringModel model;
    private static ClientScorer scorer;

    @BeforeAll
    static void load() {
        model = ScoringModel.load(QuickModel.get().modelDir());
        scorer = new ClientScorer(model, QuickModel.get().data());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void contributionsPlusBiasEqualTheRawScoreAndTheProbabilityIsItsLogistic() {
        Table train = QuickModel.get().data().table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        double[] batch = model.probabilities(train, scorer.history());
        double[] lightGbmRaw = model.lightGbmRawScores(model.pipeline().compute(train, scorer.history()));
        int[] ids = train.intColumn("SK_ID_CURR").asIntArray();
        for (int row = 0; row < 300; row++) {
            ClientScorer.ScoredClient client = scorer.score(ids[row]);
            double sum = client.bias() + client.contributions().stream().mapToDouble(Contribution::contribution).sum();
            // LightGBM's own raw score, not the sum the scorer made: the contributions must add up to it.
            assertEquals(lightGbmRaw[row], sum, 1e-9, "client " + ids[row]);
            assertEquals(1 / (1 + Math.exp(-lightGbmRaw[row])), client.score().probability(), 1e-12);
            assertEquals(batch[row], client.score().probability(), 1e-9, "batch and single agree for client " + ids[row]);
        }
    }

    @Test
    void oneClientsContributionsAreLightGbmsOwn() {
        assertTrue(model.explainsInJava(), "the Java tree walk passed its check against LightGBM on this model");
        int[] ids = scorer.clientIds();
        var names = model.card().featureNames();
        for (int i = 0; i < 300; i++) {
            var features = scorer.score(ids[i]).features();
            double[] shown = model.contributions(features);
            double[] lightGbm = model.lightGbmContributions(features);
            assertEquals(names.size() + 1, shown.length);
            for (int f = 0; f < shown.length; f++) {
                assertEquals(lightGbm[f], shown[f], 1e-9, (f < names.size() ? names.get(f) : "bias") + " of client " + ids[i]);
            }
        }
    }

    @Test
    void decisionMarginAndBandFollowTheThreshold() {
        int id = scorer.clientIds()[0];
        Score score = scorer.score(id).score();
        assertEquals(model.threshold(), score.threshold());
        assertEquals(score.probability() - score.threshold(), score.margin(), 1e-15);
        assertEquals(score.probability() >= score.threshold() ? Decision.REFUSED : Decision.GRANTED, score.decision());
        assertEquals(RiskBand.of(score.probability(), score.threshold()), score.band());
    }

    @Test
    void contributionsComeLargestFirst() {
        var contributions = scorer.score(scorer.clientIds()[5]).contributions();
        for (int i = 1; i < contributions.size(); i++) {
            assertTrue(Math.abs(contributions.get(i - 1).contribution()) >= Math.abs(contributions.get(i).contribution()));
        }
    }

    @Test
    void anEditedApplicationIsRescoredThroughTheSamePath() {
        int id = scorer.clientIds()[7];
        Application original = scorer.application(id);
        double before = scorer.score(original).score().probability();
        Application edited = original.with(java.util.Map.of("EXT_SOURCE_2", 0.01, "EXT_SOURCE_3", 0.01));
        double after = scorer.score(edited).score().probability();
        assertEquals(scorer.application(id), original, "editing gives a new application");
        assertEquals(0.01, edited.number("EXT_SOURCE_2"), 0);
        assertEquals(original.number("AMT_CREDIT"), edited.number("AMT_CREDIT"), 0);
        assertTrue(after > before, "lower external scores raise the risk: " + before + " -> " + after);
        assertEquals(before, scorer.score(id).score().probability(), 0.0, "the dataset's row is untouched");
    }

    @Test
    void unknownClientGetsAClearMessage() {
        ClientScorer.UnknownClientException e = assertThrows(ClientScorer.UnknownClientException.class, () -> scorer.score(42));
        assertTrue(e.getMessage().startsWith("No client with SK_ID_CURR 42 in this dataset"), e.getMessage());
        assertFalse(scorer.knows(42));
    }

    @Test
    void testClientsHaveNoOutcomeAndTrainClientsDo() {
        Table test = QuickModel.get().data().table(HomeCreditTable.APPLICATION_TEST).orElseThrow();
        assertTrue(scorer.outcome(test.intColumn("SK_ID_CURR").getInt(0)).isEmpty());
        assertTrue(scorer.outcome(scorer.clientIds()[0]).isPresent());
    }

    @Test
    void riskBandsAreCutAtHalfTheThresholdTheThresholdAndTwiceIt() {
        double t = 0.08;
        assertEquals(RiskBand.LOW, RiskBand.of(0.039, t));
        assertEquals(RiskBand.MODERATE, RiskBand.of(0.04, t));
        assertEquals(RiskBand.HIGH, RiskBand.of(0.08, t));
        assertEquals(RiskBand.VERY_HIGH, RiskBand.of(0.16, t));
        for (RiskBand band : RiskBand.values()) {
            assertEquals(band, RiskBand.of(band.lowerEdge(t), t), band + " starts at its lower edge");
        }
    }

    @Test
    void scoreRefusesInconsistentValues() {
        assertThrows(IllegalArgumentException.class, () -> new Score(1, 1.2, 0.1, Decision.REFUSED, 1.1, RiskBand.VERY_HIGH));
        assertThrows(IllegalArgumentException.class, () -> new Score(1, 0.05, 0.1, Decision.REFUSED, -0.05, RiskBand.MODERATE));
    }

    @Test
    void clientsExplainedWhileTheWholeDatasetIsScoredGetTheirOwnScores() throws Exception {
        Table train = QuickModel.get().data().table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        var features = model.pipeline().compute(train, scorer.history());
        int[] ids = train.intColumn("SK_ID_CURR").asIntArray();
        double[] expected = new double[50];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = scorer.score(ids[i]).score().probability();
        }
        double[] all = model.probabilities(features);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var batch = pool.submit(() -> {
                for (int k = 0; k < 20; k++) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(all, model.probabilities(features));
                }
                return true;
            });
            List<java.util.concurrent.Future<Boolean>> singles = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                singles.add(pool.submit(() -> {
                    for (int k = 0; k < 10; k++) {
                        for (int i = 0; i < expected.length; i++) {
                            assertEquals(expected[i], scorer.score(ids[i]).score().probability(), 0);
                        }
                    }
                    return true;
                }));
            }
            assertTrue(batch.get());
            for (var single : singles) {
                assertTrue(single.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
