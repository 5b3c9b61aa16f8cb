package com.pretadepenser.creditdesk.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.RecordingMonitor;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.synth.SyntheticGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class TrainerTest {
    private static final TrainingConfig QUICK = new TrainingConfig(3, 7, BusinessCost.DEFAULT, TrainingConfig.Imbalance.AUTO,
            true, 80, 20, 2, Map.of("learning_rate", "0.1"));

    @TempDir
    static Path dir;

    private static HomeCreditData data;
    private static Trainer.TrainedModel trained;
    private static Path modelDir;
    private static final RecordingMonitor progress = new RecordingMonitor();

    @BeforeAll
    static void trainOnce() {
        new SyntheticGenerator().generate(SyntheticGenerator.Settings.kaggleSplit(3_000, 11), dir.resolve("syn"), false);
        data = HomeCreditFolder.scan(dir.resolve("syn")).read();
        trained = new Trainer().train(data, new Trainer.DataOrigin("syn", true, List.of()), "test", QUICK, progress);
        modelDir = dir.resolve("model");
        ModelArtifact.write(modelDir, trained.card(), trained.modelText(), false);
    }

    @Test
    void globalImportanceIsTheMeanAbsoluteLightGbmContributionOverTheLabelledApplicants() {
        java.util.Map<String, Double> importance = trained.card().details().globalImportance();
        List<String> features = trained.card().featureNames();
        assertEquals(new java.util.HashSet<>(features), importance.keySet(), "one entry per model feature");
        List<Double> values = List.copyOf(importance.values());
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1) >= values.get(i), "largest first");
        }
        try (var model = com.pretadepenser.creditdesk.engine.model.ScoringModel.load(modelDir)) {
            var matrix = model.pipeline().compute(data.table(com.pretadepenser.creditdesk.engine.data.HomeCreditTable.APPLICATION_TRAIN).orElseThrow(),
                    new com.pretadepenser.creditdesk.engine.features.ClientHistory(data));
            double[] contributions = model.lightGbmContributions(matrix);
            int width = features.size() + 1;
            for (int f = 0; f < features.size(); f++) {
                double sum = 0;
                for (int r = 0; r < matrix.rows(); r++) {
                    sum += Math.abs(contributions[r * width + f]);
                }
                assertEquals(sum / matrix.rows(), importance.get(features.get(f)), 1e-9, features.get(f));
            }
            assertEquals(importance, ModelArtifact.read(modelDir).card().details().globalImportance(), "kept in the card as written");
        }
        assertTrue(values.get(0) > 0.05, "the first feature matters: " + values.get(0));
    }

    @Test
    void learnsSomethingRealOutOfFold() {
        ModelCard card = trained.card();
        assertTrue(card.evaluation().metrics().rocAuc() > 0.70, "OOF AUC " + card.evaluation().metrics().rocAuc());
        assertEquals(3_000, card.training().trainingData().labelledRows());
        assertEquals(3, card.training().crossValidation().folds());
        assertEquals(3, card.training().crossValidation().foldMetrics().size());
    }

    @Test
    void comparesNoReweightingWithIsUnbalanceAndKeepsTheCheaper() {
        List<ModelCard.ImbalanceCandidate> candidates = trained.card().training().imbalance().candidates();
        // scale_pos_weight = repayers / defaulters is the weight is_unbalance gives: not tried twice.
        assertEquals(List.of("none", "is_unbalance"), candidates.stream().map(ModelCard.ImbalanceCandidate::mode).toList());
        double cheapest = candidates.stream().mapToDouble(ModelCard.ImbalanceCandidate::oofCost).min().orElseThrow();
        ModelCard.ImbalanceCandidate kept = candidates.stream().filter(c -> c.mode().equals(trained.card().training().imbalance().chosen())).findFirst().orElseThrow();
        assertTrue(kept.oofCost() <= cheapest * 1.01, "kept " + kept + " but the least cost is " + cheapest);
    }

    @Test
    void amongEquallyCheapTreatmentsTheBestCalibratedIsKept() {
        var none = new ModelCard.ImbalanceCandidate("none", 0.78, 0.4878, 0.062, 0.08);
        var weighted = new ModelCard.ImbalanceCandidate("is_unbalance", 0.79, 0.4880, 0.123, 0.43);
        var cheaper = new ModelCard.ImbalanceCandidate("scale_pos_weight", 0.79, 0.45, 0.123, 0.43);

        assertEquals("none", Trainer.choose(List.of(none, weighted)).mode());
        assertEquals("scale_pos_weight", Trainer.choose(List.of(none, weighted, cheaper)).mode());
    }

    @Test
    void thresholdMinimisesOutOfFoldCostOnTheWholeCurve() {
        ModelCard card = trained.card();
        double atThreshold = card.evaluation().costs().costPerClient(trained.oof(), trained.target(), card.evaluation().threshold());
        for (BusinessCost.CostPoint point : card.evaluation().costCurve()) {
            assertTrue(atThreshold <= point.costPerClient() + 1e-12, "cheaper at " + point.threshold());
        }
        assertTrue(card.evaluation().threshold() < 0.5, "a 10:1 cost refuses well below even odds: " + card.evaluation().threshold());
    }

    @Test
    void pruningKeepsOnlyFeaturesThatEarnedGain() {
        ModelCard card = trained.card();
        assertTrue(card.details().features().size() < card.training().crossValidation().featuresBeforePruning());
        assertTrue(card.details().features().stream().anyMatch(f -> f.name().startsWith("EXT_SOURCE")));
    }

    @Test
    void pruningByShareOfTheGainKeepsFewerFeaturesAndTheStrongest() {
        TrainingConfig byShare = new TrainingConfig(3, 7, BusinessCost.DEFAULT, TrainingConfig.Imbalance.NONE, true, 80, 20, 2,
                Map.of("learning_rate", "0.1"), TrainingConfig.Tuning.OFF, 1, TrainingConfig.DEFAULT_PRUNE_SHARE);
        Trainer.TrainedModel lean = new Trainer().train(data, new Trainer.DataOrigin("syn", true, List.of()), "lean", byShare,
                ProgressMonitor.NONE);
        int kept = lean.card().details().features().size();
        assertTrue(kept < trained.card().details().features().size(), kept + " features against " + trained.card().details().features().size()
                + " when only features of no gain go");
        assertTrue(kept >= 5, "the strong features stay: " + lean.card().featureNames());
        assertTrue(lean.card().featureNames().containsAll(List.of("EXT_SOURCE_2", "EXT_SOURCE_3")), lean.card().featureNames().toString());
        assertTrue(lean.card().evaluation().metrics().rocAuc() > 0.70, "OOF AUC " + lean.card().evaluation().metrics().rocAuc());
    }

    @Test
    void sameSeedGivesTheSameOutOfFoldPredictions() {
        TrainingConfig fixed = QUICK.withImbalance(TrainingConfig.Imbalance.NONE);
        Trainer.TrainedModel a = new Trainer().train(data, new Trainer.DataOrigin("syn", true, List.of()), "a", fixed, ProgressMonitor.NONE);
        Trainer.TrainedModel b = new Trainer().train(data, new Trainer.DataOrigin("syn", true, List.of()), "b", fixed, ProgressMonitor.NONE);
        assertArrayEquals(a.oof(), b.oof(), 0.0);
        assertEquals(a.modelText().hashCode(), b.modelText().hashCode());
    }

    @Test
    void cancellingStopsTraining() {
        // Polled every boosting round: the tenth poll is in the first fit.
        RecordingMonitor monitor = RecordingMonitor.cancellingAtPoll(10);
        assertThrows(CancellationException.class, () -> new Trainer().train(data, new Trainer.DataOrigin("syn", true, List.of()),
                "c", QUICK, monitor));
        assertEquals(10, monitor.polls());
    }

    @Test
    void progressCountsTheFitsNeverGoingBackAndEndsWithAllDone() {
        List<RecordingMonitor.Report> reports = progress.reports();
        assertTrue(progress.doneNeverGoesBack(), reports.toString());
        assertTrue(progress.shareNeverGoesBack(), reports.toString());
        assertEquals(progress.last().total(), progress.last().done(), "all fits done: " + progress.last());
        assertTrue(progress.last().total() > 3, "the cross-validations' folds and the final model: " + progress.last());
        assertEquals("features of " + trained.target().length + " applicants: 0 %", reports.get(0).message());
        assertTrue(reports.stream().anyMatch(r -> r.message().startsWith("final model on all ")), "the final fit is named");
        List<String> phases = progress.phases();
        assertEquals("features of " + trained.target().length + " applicants", phases.get(0));
        assertTrue(phases.get(phases.size() - 1).startsWith("final model on all "), phases.toString());
        assertEquals(progress.last().total(), phases.size() - 1, "one phase per fit, after the features: " + phases);
        assertTrue(reports.stream().anyMatch(r -> r.message().matches(".*fold 1/\\d+, round 25, AUC \\d[.,]\\d{4}")),
                "a fold's round, with its AUC: " + reports);
    }

    @Test
    void roundsAreReportedEveryTwentyFiveAndAtTheLastOnly() {
        // Per fit (consecutive round reports with the same name): rounds 25, 50, 75..., then possibly the one it stopped at.
        List<String[]> rounds = progress.reports().stream().map(RecordingMonitor.Report::message)
                .filter(m -> m.contains(", round ")).map(m -> m.replaceAll("^(.*), round (\\d+).*$", "$1\n$2").split("\n")).toList();
        assertTrue(rounds.size() > 3, "rounds were reported");
        for (int i = 0; i < rounds.size(); i++) {
            int round = Integer.parseInt(rounds.get(i)[1]);
            boolean lastOfItsFit = i + 1 == rounds.size() || !rounds.get(i + 1)[0].equals(rounds.get(i)[0]);
            assertTrue(round % LightGbmBooster.ROUNDS_PER_REPORT == 0 || lastOfItsFit,
                    "round " + round + " of " + rounds.get(i)[0] + " reported mid-fit");
            assertTrue(round <= QUICK.maxRounds());
        }
    }

    @Test
    void aTrainingCancelledMidWayLeavesNoModelFolder() throws IOException {
        Path parent = Files.createDirectories(dir.resolve("cancelled"));
        Path out = parent.resolve("model");
        // Cancelled once two fits are done, in the middle of the cross-validations.
        RecordingMonitor monitor = new RecordingMonitor(reports -> !reports.isEmpty() && reports.get(reports.size() - 1).done() >= 2);

        assertThrows(CancellationException.class, () -> {
            Trainer.TrainedModel model = new Trainer().train(data, new Trainer.DataOrigin("syn", true, List.of()), "c", QUICK, monitor);
            ModelArtifact.write(out, model.card(), model.modelText(), false);
        });

        assertTrue(monitor.last().done() < monitor.last().total(), "stopped before the last fit: " + monitor.last());
        assertTrue(monitor.doneNeverGoesBack());
        assertFalse(Files.exists(out), "no model folder");
        try (var left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "no staging folder either");
        }
    }

    @Test
    void cardListsFeaturesWithDescriptionsAndTheDataHashes() throws IOException {
        ModelCard card = ModelArtifact.read(modelDir).card();
        assertEquals(trained.card().featureNames(), card.featureNames());
        ModelCard.Feature ext = card.details().features().stream().filter(f -> f.name().equals("EXT_SOURCE_2")).findFirst().orElseThrow();
        assertTrue(ext.description().startsWith("External score 2"), ext.description());
        String json = Files.readString(modelDir.resolve(ModelArtifact.CARD_FILE));
        for (String key : List.of("\"schema-version\"", "\"trained-at\"", "\"model-file\"", "\"hyper-parameters\"",
                "\"cost-curve\"", "\"intended-use\"", "\"out-of-scope\"", "\"lightgbm4j\"", "\"feature-schema\"")) {
            assertTrue(json.contains(key), key);
        }
        assertTrue(card.usage().limitations().get(0).contains("SYNTHETIC"));
    }

    @Test
    void aClientScoredAloneGetsItsBatchProbability() {
        try (ScoringModel model = ScoringModel.load(modelDir)) {
            Table train = data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
            ClientHistory history = new ClientHistory(data);
            double[] batch = model.probabilities(train, history);
            for (int row : new int[] {0, 10, 2_999}) {
                assertEquals(batch[row], model.probabilities(train.rows(row), history)[0], 1e-12);
            }
        }
    }

    @Test
    void refusesAModelWhoseTextDiffersFromItsCard() throws IOException {
        Path copy = dir.resolve("tampered");
        ModelArtifact.write(copy, trained.card(), trained.modelText(), false);
        Files.writeString(copy.resolve(ModelArtifact.MODEL_FILE), trained.modelText().replaceFirst("shrinkage=", "shrinkage=9"));

        CreditDeskException e = assertThrows(CreditDeskException.class, () -> ScoringModel.load(copy));

        assertTrue(e.getMessage().contains("is not the model its card describes"), e.getMessage());
    }

    @Test
    void refusesAnUnreadableCard() throws IOException {
        Path copy = dir.resolve("broken-card");
        ModelArtifact.write(copy, trained.card(), trained.modelText(), false);
        Files.writeString(copy.resolve(ModelArtifact.CARD_FILE), "{\"schema-version\": 1, \"name\": ");

        CreditDeskException e = assertThrows(CreditDeskException.class, () -> ScoringModel.load(copy));

        assertTrue(e.getMessage().contains("is not a readable model card"), e.getMessage());
    }

    @Test
    void refusesDataThatLacksTablesTheModelNeeds() {
        Map<HomeCreditTable, Table> applicationsOnly = new EnumMap<>(HomeCreditTable.class);
        applicationsOnly.put(HomeCreditTable.APPLICATION_TRAIN, data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow());
        ClientHistory none = new ClientHistory(new HomeCreditData(applicationsOnly, Map.of(), List.of()));
        try (ScoringModel model = ScoringModel.load(modelDir)) {
            CreditDeskException e = assertThrows(CreditDeskException.class, () -> model.requireHistoryFor(none));
            assertTrue(e.getMessage().startsWith("The model needs "), e.getMessage());
            assertTrue(e.getMessage().contains("installments_payments.csv") || e.getMessage().contains("bureau.csv"), e.getMessage());
        }
    }
}
