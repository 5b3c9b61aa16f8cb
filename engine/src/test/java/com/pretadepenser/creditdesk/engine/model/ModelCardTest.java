package com.pretadepenser.creditdesk.engine.model;

import com.pretadepenser.creditdesk.engine.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card's format: the four parts written with kebab-case keys, and every earlier version still read. */
class ModelCardTest {
    /** A model folder written by the schema-2 writer (before the card was split), kept as it was written. */
    private static final Path VERSION_2 = Path.of("src/test/resources/model-card-v2");

    @TempDir
    Path dir;


    @Test
    void readsTheShippedCard() throws IOException {
        assertEquals(4, ModelArtifact.JSON.readTree(ProjectFolder.of("models/default").resolve(ModelArtifact.CARD_FILE).toFile())
                .get("schema-version").asInt(), "the shipped card was written in schema 4 (before version 5 added distributed training)");

        ModelCard card = ModelArtifact.read(ProjectFolder.of("models/default")).card();

        assertEquals(4, card.schemaVersion(), "read as written");

        assertEquals("default", card.details().name());
        assertEquals(523, card.details().rounds());
        assertEquals(28, card.details().features().size());
        assertEquals(0.108, card.evaluation().threshold());
        assertEquals(20_000, card.training().trainingData().labelledRows());
        assertNotNull(card.training().tuning());
        // Out of fold at training, by gender and by age band, every labelled applicant counted once.
        var fairness = card.evaluation().fairness();
        assertNotNull(fairness);
        assertEquals(List.of("gender", "age"), fairness.attributes().stream().map(a -> a.name()).toList());
        for (var attribute : fairness.attributes()) {
            assertEquals(20_000, attribute.groups().stream().mapToLong(g -> g.count()).sum(), attribute.name());
        }
        assertFalse(card.usage().outOfScope().isEmpty());
    }

    @Test
    void readsACardWrittenInVersion2() {
        ModelCard card = ModelArtifact.read(VERSION_2).card();

        assertEquals("quick", card.details().name());
        assertEquals(31, card.details().rounds());
        assertEquals(210, card.featureNames().size());
        assertEquals("0.1", card.details().hyperParameters().get("learning_rate"));
        assertEquals(3_000, card.training().trainingData().labelledRows());
        assertTrue(card.training().trainingData().synthetic());
        assertNull(card.training().tuning(), "the fixture was trained without tuning");
        assertEquals(3, card.training().crossValidation().folds());
        assertEquals(0.088, card.evaluation().threshold());
        assertEquals(0.7635176624097396, card.evaluation().metrics().rocAuc());
        assertEquals(10.0, card.evaluation().costs().falseNegative());
        assertEquals("Automatic refusal without human review", card.usage().outOfScope().get(0));
        assertTrue(card.usage().limitations().get(0).contains("SYNTHETIC"));
    }

    @Test
    void readsACardWrittenInVersion1() throws IOException {
        Path v1 = copyOfVersion2("v1");
        ObjectNode tree = (ObjectNode) ModelArtifact.JSON.readTree(v1.resolve(ModelArtifact.CARD_FILE).toFile());
        tree.put("schema-version", 1);
        tree.remove("tuning");
        ModelArtifact.JSON.writeValue(v1.resolve(ModelArtifact.CARD_FILE).toFile(), tree);

        ModelCard card = ModelArtifact.read(v1).card();

        assertNull(card.training().tuning());
        assertEquals(ModelArtifact.read(VERSION_2).card(), card);
    }

    @Test
    void writesTheFourPartsWithKebabCaseKeys() throws IOException {
        ModelArtifact.Contents old = ModelArtifact.read(VERSION_2);
        Path written = dir.resolve("v3");
        ModelArtifact.write(written, old.card(), old.modelText(), false);

        JsonNode tree = ModelArtifact.JSON.readTree(written.resolve(ModelArtifact.CARD_FILE).toFile());

        assertEquals(ModelCard.SCHEMA_VERSION, tree.get("schema-version").asInt());
        assertEquals(5, ModelCard.SCHEMA_VERSION);
        List<String> keys = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("schema-version", "model-details", "training-details", "evaluation", "usage-details"), keys);
        assertEquals("quick", tree.at("/model-details/name").asText());
        assertTrue(tree.at("/model-details/model-file/sha256").isTextual());
        assertTrue(tree.at("/training-details/training-data/labelled-rows").isInt());
        assertEquals(0.088, tree.at("/evaluation/threshold").asDouble());
        assertTrue(tree.at("/usage-details/intended-use").isTextual());
        assertEquals(old.card(), ModelArtifact.read(written).card(), "a card read from version 2 reads back equal");
    }

    @Test
    void aFreshCardCarriesTheOutOfFoldFairnessAndAVersion3CardReadsWithoutIt() throws IOException {
        ModelArtifact.Contents fresh = ModelArtifact.read(com.pretadepenser.creditdesk.engine.QuickModel.get().modelDir());
        var fairness = fresh.card().evaluation().fairness();
        assertTrue(fairness != null, "training writes the fairness figures");
        assertEquals(List.of("gender", "age"), fairness.attributes().stream().map(a -> a.name()).toList());
        int labelled = fresh.card().training().trainingData().labelledRows();
        for (var attribute : fairness.attributes()) {
            assertEquals(labelled, attribute.groups().stream().mapToInt(g -> g.count()).sum(), "every applicant in one " + attribute.name() + " group");
        }
        Path v3 = dir.resolve("v3-card");
        ModelArtifact.write(v3, fresh.card(), fresh.modelText(), false);
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                ModelArtifact.JSON.readTree(v3.resolve(ModelArtifact.CARD_FILE).toFile());
        tree.put("schema-version", 3);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("evaluation")).remove("fairness");
        ModelArtifact.JSON.writeValue(v3.resolve(ModelArtifact.CARD_FILE).toFile(), tree);
        ModelCard read = ModelArtifact.read(v3).card();
        assertEquals(null, read.evaluation().fairness());
        assertEquals(fresh.card().evaluation().metrics(), read.evaluation().metrics());
        assertEquals(fresh.card().featureNames(), read.featureNames());
    }

    @Test
    void refusesACardNewerThanThisVersionReads() throws IOException {
        Path newer = copyOfVersion2("newer");
        ObjectNode tree = (ObjectNode) ModelArtifact.JSON.readTree(newer.resolve(ModelArtifact.CARD_FILE).toFile());
        tree.put("schema-version", ModelCard.SCHEMA_VERSION + 1);
        ModelArtifact.JSON.writeValue(newer.resolve(ModelArtifact.CARD_FILE).toFile(), tree);

        CreditDeskException e = assertThrows(CreditDeskException.class, () -> ModelArtifact.read(newer));

        assertTrue(e.getMessage().contains("newer than this CreditDesk reads (" + ModelCard.SCHEMA_VERSION + ")"), e.getMessage());
    }

    @Test
    void refusesAThresholdOutsideZeroAndOne() {
        var evaluation = ModelArtifact.read(VERSION_2).card().evaluation();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Evaluation(evaluation.metrics(), 1.0, evaluation.costs(), evaluation.costCurve(), evaluation.fairness()));
        assertTrue(e.getMessage().contains("got 1.0"), e.getMessage());
    }

    private Path copyOfVersion2(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        for (String file : List.of(ModelArtifact.CARD_FILE, ModelArtifact.MODEL_FILE)) {
            Files.copy(VERSION_2.resolve(file), copy.resolve(file));
        }
        return copy;
    }
}
