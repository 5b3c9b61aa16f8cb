package com.pretadepenser.creditdesk.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import tech.tablesaw.api.Table;
import com.pretadepenser.creditdesk.engine.synth.SyntheticGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training that chooses its own settings, and averages boosters on small data. */
class TunerTest {
    /** Few rounds and candidates, so that the search runs in seconds; the user fixes num_leaves. */
    private static final TrainingConfig TUNED = new TrainingConfig(3, 7, BusinessCost.DEFAULT, TrainingConfig.Imbalance.NONE,
            false, 60, 15, 2, Map.of("num_leaves", "15"), new TrainingConfig.Tuning(true, 6, 0), 2, 0);

    @TempDir
    static Path dir;
    private static HomeCreditData data;
    private static Trainer.TrainedModel trained;

    @BeforeAll
    static void trainOnce() {
        new SyntheticGenerator().generate(SyntheticGenerator.Settings.kaggleSplit(2_000, 5), dir.resolve("syn"), false);
        data = HomeCreditFolder.scan(dir.resolve("syn")).read();
        trained = new Trainer().train(data, new Trainer.DataOrigin("syn", true, List.of()), "tuned", TUNED,
                ProgressMonitor.NONE);
    }

    @Test
    void theCardRecordsEveryCandidateAndTheWinnersSettingsAreTheModels() {
        ModelCard.Tuning tuning = trained.card().training().tuning();
        assertNotNull(tuning);
        assertEquals(6, tuning.candidates().size());
        assertEquals(Map.of(), tuning.candidates().get(0).settings(), "the defaults are the first candidate");
        ModelCard.TuningCandidate winner = tuning.candidates().get(tuning.chosen());
        assertNotNull(winner.oofAuc(), "the winner went through the full cross-validation");
        winner.settings().forEach((k, v) -> assertEquals(v, trained.card().details().hyperParameters().get(k), k));
        long finalists = tuning.candidates().stream().filter(c -> c.oofAuc() != null).count();
        assertEquals(2, finalists, "the best third of 6 go to the finals");
        double best = tuning.candidates().stream().filter(c -> c.oofAuc() != null).mapToDouble(ModelCard.TuningCandidate::oofAuc).max().orElseThrow();
        assertTrue(winner.oofAuc() >= best - Tuner.AUC_TOLERANCE, "the winner is within the tolerance of the best AUC");
        for (ModelCard.TuningCandidate c : tuning.candidates()) {
            assertTrue(c.screeningAuc() > 0.5 && c.screeningAuc() < 1, "screening AUC " + c.screeningAuc());
        }
    }

    @Test
    void settingsTheUserGaveAreNeverTuned() {
        assertEquals("15", trained.card().details().hyperParameters().get("num_leaves"));
        trained.card().training().tuning().candidates().forEach(c -> assertFalse(c.settings().containsKey("num_leaves"), c.settings().toString()));
    }

    @Test
    void theFinalistsAreThoseOfBestScreeningAuc() {
        List<ModelCard.TuningCandidate> candidates = trained.card().training().tuning().candidates();
        double weakestFinalist = candidates.stream().filter(c -> c.oofAuc() != null).mapToDouble(ModelCard.TuningCandidate::screeningAuc).min().orElseThrow();
        candidates.stream().filter(c -> c.oofAuc() == null)
                .forEach(c -> assertTrue(c.screeningAuc() <= weakestFinalist, "a screened-out candidate ranked no better: " + c));
    }

    @Test
    void theSameSeedDrawsTheSameCandidatesAndAnotherSeedOthers() {
        List<Map<String, String>> a = Tuner.candidates(TUNED.withTuning(new TrainingConfig.Tuning(true, 16, 0)));
        List<Map<String, String>> b = Tuner.candidates(TUNED.withTuning(new TrainingConfig.Tuning(true, 16, 0)));
        List<Map<String, String>> c = Tuner.candidates(TUNED.withSeed(8).withTuning(new TrainingConfig.Tuning(true, 16, 0)));
        assertEquals(a, b);
        assertFalse(a.equals(c));
        assertEquals(16, a.size());
    }

    @Test
    void theAveragedBoostersAreOneModelOfTwiceTheTrees() {
        assertEquals("2", trained.card().details().hyperParameters().get("boosters-averaged"));
        var trees = com.pretadepenser.creditdesk.engine.trees.TreeEnsemble.parse(trained.modelText());
        assertEquals(2 * trained.card().details().rounds(), trees.treeCount(), "two boosters of the final round count each");
    }

    @Test
    void theWinnersReusedFoldsEqualAFreshCrossValidationAndThePlanIsKept() {
        TrainingConfig config = TUNED.withBags(1);
        Table train = data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        Table labelled = train.where(train.intColumn("TARGET").isNotMissing());
        FeatureMatrix features = new FeaturePipeline(FeatureSchema.fit(data)).compute(labelled, new ClientHistory(data));
        int[] target = labelled.intColumn("TARGET").asIntArray();
        try (TrainingSet set = TrainingSet.of(features, target, config.settings(), config.seed())) {
            Tuner tuner = new Tuner(set, features.names(), config);
            int[] step = {0};
            Tuner.Outcome outcome = tuner.run(step, tuner.plannedFits(), ProgressMonitor.NONE);
            assertEquals(tuner.plannedFits(), step[0], "the fits announced to the progress bar are the fits made");

            CrossValidation.Result fresh = CrossValidation.run(set, features.names(), config, config.settings(outcome.tuned()),
                    TrainingConfig.Imbalance.NONE, "fresh", CrossValidation.Plan.all(target, config), new int[1], 1,
                    ProgressMonitor.NONE);
            assertArrayEquals(fresh.oof(), outcome.cv().oof(), 0.0, "screening folds reused plus the rest = every fold run afresh");
            assertEquals(config.folds(), outcome.cv().bestIterations().size());
        }
    }

    @Test
    void withoutTuningTheCardHasNoSearch() {
        TrainingConfig off = TUNED.withTuning(TrainingConfig.Tuning.OFF).withBags(1);
        Trainer.TrainedModel plain = new Trainer().train(data, new Trainer.DataOrigin("syn", true, List.of()), "plain", off,
                ProgressMonitor.NONE);
        assertNull(plain.card().training().tuning());
        assertEquals(TrainingConfig.defaultLightGbm().get("learning_rate"), plain.card().details().hyperParameters().get("learning_rate"));
    }
}
