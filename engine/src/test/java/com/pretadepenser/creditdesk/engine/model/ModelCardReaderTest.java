package com.pretadepenser.creditdesk.engine.model;

import com.pretadepenser.creditdesk.engine.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.evaluation.Fairness;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand reader of current cards makes the very records data binding makes, field for field, and
 * leaves to data binding every card it does not expect.
 */
class ModelCardReaderTest {
    @TempDir
    Path dir;


    private static JsonNode tree(Path folder) throws Exception {
        return ModelArtifact.JSON.readTree(folder.resolve(ModelArtifact.CARD_FILE).toFile());
    }

    private static ModelCard bound(JsonNode tree) throws Exception {
        return ModelArtifact.JSON.treeToValue(tree, ModelCard.class);
    }

    @Test
    void readsTheShippedAndAFreshCardAsDataBindingDoes() throws Exception {
        for (Path folder : List.of(ProjectFolder.of("models/default"), QuickModel.get().modelDir())) {
            JsonNode tree = tree(folder);

            ModelCard byHand = ModelCardReader.read(tree);

            ModelCard byBinding = bound(tree);
            assertEquals(byBinding, byHand, folder.toString());
            // the maps the card keeps in order (its JSON names the model in the peer cache)
            assertEquals(List.copyOf(byBinding.details().hyperParameters().keySet()), List.copyOf(byHand.details().hyperParameters().keySet()));
            assertEquals(List.copyOf(byBinding.details().globalImportance().keySet()), List.copyOf(byHand.details().globalImportance().keySet()));
            assertEquals(List.copyOf(byBinding.details().environment().keySet()), List.copyOf(byHand.details().environment().keySet()));
        }
    }

    @Test
    void readsEveryPartACardCanHold() throws Exception {
        ModelCard fresh = ModelArtifact.read(QuickModel.get().modelDir()).card();
        ModelCard.Source source = new ModelCard.Source("application_train.csv", "ab".repeat(32), 1_500);
        TrainingDetails t = fresh.training();
        ModelCard.Tuning tuning = new ModelCard.Tuning("screened grid", 1_000, 2, List.of(
                new ModelCard.TuningCandidate(java.util.Map.of("num_leaves", "4"), 0.70, null, null, null),
                new ModelCard.TuningCandidate(java.util.Map.of("num_leaves", "8", "learning_rate", "0.05"), 0.71, 0.72, 0.48, 120.5)),
                1, "lowest cost");
        Evaluation e = fresh.evaluation();
        Fairness fairness = new Fairness(List.of(new Fairness.Attribute("gender", List.of(
                new Fairness.Group("F", 10, 0.8, 0.1, 0.2, 0.3, 0.7, 1.0),
                new Fairness.Group("XNA", 1, 1.0, 0.0, 0.0, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY)))));
        ModelCard full = new ModelCard(ModelCard.SCHEMA_VERSION, fresh.details(),
                new TrainingDetails(t.trainingData(), t.imbalance(), tuning, t.crossValidation(),
                        new ModelCard.DistributedTraining(2, "voting", List.of(
                                new ModelCard.Shard(0, "shard-0", 700, "cd".repeat(32), List.of(source)),
                                new ModelCard.Shard(1, "shard-1", 800, "ef".repeat(32), List.of(source, source))))),
                new Evaluation(e.metrics(), e.threshold(), e.costs(), e.costCurve(), fairness), fresh.usage());
        assertNotNull(full.training().imbalance(), "the quick model's card has its imbalance choice");
        assertNotNull(full.training().crossValidation(), "and its cross-validation");
        JsonNode tree = ModelArtifact.JSON.valueToTree(full);

        assertEquals(full, ModelCardReader.read(tree));
        assertEquals(bound(tree), ModelCardReader.read(tree));
    }

    @Test
    void leavesToDataBindingWhatItDoesNotExpectAndTheCardStillReads() throws Exception {
        Path folder = QuickModel.get().modelDir();
        ModelCard expected = ModelArtifact.read(folder).card();
        ObjectNode quoted = (ObjectNode) tree(folder);
        ((ObjectNode) quoted.get("model-details")).put("rounds", String.valueOf(expected.details().rounds()));

        assertThrows(ModelCardReader.Unexpected.class, () -> ModelCardReader.read(quoted), "a number in quotes");
        Path copy = dir.resolve("quoted");
        Files.createDirectories(copy);
        Files.copy(folder.resolve(ModelArtifact.MODEL_FILE), copy.resolve(ModelArtifact.MODEL_FILE));
        ModelArtifact.JSON.writeValue(copy.resolve(ModelArtifact.CARD_FILE).toFile(), quoted);
        assertEquals(expected, ModelArtifact.read(copy).card(), "data binding reads it, as before");
    }

    @Test
    void aBadCardGetsDataBindingsOwnMessage() throws Exception {
        ObjectNode bad = (ObjectNode) tree(QuickModel.get().modelDir());
        ((ObjectNode) bad.get("evaluation")).put("threshold", 1.5);
        File file = dir.resolve(ModelArtifact.CARD_FILE).toFile();
        ModelArtifact.JSON.writeValue(file, bad);

        var byBinding = assertThrows(Exception.class, () -> bound(bad));
        var read = assertThrows(Exception.class, () -> ModelCardJson.read(ModelArtifact.JSON, file));
        assertEquals(byBinding.getClass(), read.getClass());
        assertEquals(byBinding.getMessage(), read.getMessage());
    }
}
