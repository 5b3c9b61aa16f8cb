package com.pretadepenser.creditdesk.engine.trees;

import com.pretadepenser.creditdesk.engine.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LightGBM's contributions kept beside a model when it is written: opening the model checks the Java
 * TreeSHAP against them without loading LightGBM; a missing, damaged, foreign or disagreeing
 * reference is set aside and LightGBM decides, as before.
 */
class ContributionReferenceTest {
    @TempDir
    Path dir;


    /** A copy of the quick model's folder without its reference. */
    private Path copyWithoutReference(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        for (String file : List.of(ModelArtifact.MODEL_FILE, ModelArtifact.CARD_FILE)) {
            Files.copy(QuickModel.get().modelDir().resolve(file), copy.resolve(file));
        }
        return copy;
    }

    private static String sha(Path folder) {
        return ModelArtifact.read(folder).card().details().modelFile().sha256();
    }

    @Test
    void aWrittenModelKeepsLightGbmsOwnContributionsAndOpensWithoutLightGbm() {
        Path folder = QuickModel.get().modelDir();
        ContributionReference kept = ContributionReference.read(folder).orElseThrow();
        String text = ModelArtifact.read(folder).modelText();

        assertTrue(kept.madeFor(sha(folder)));
        assertFalse(kept.madeFor("0".repeat(64)), "not for another model text");
        assertTrue(kept.rows() >= LightGbmAgreement.PROBE_ROWS);
        try (LightGbmBooster booster = LightGbmBooster.fromText(text)) {
            assertEquals(ContributionReference.compute(TreeEnsemble.parse(text), booster, sha(folder)), kept,
                    "the kept values are LightGBM's own on the probe rows, read back as written");
        }
        try (ScoringModel model = ScoringModel.load(folder)) {
            assertTrue(model.explainsInJava());
            assertFalse(model.lightGbmLoaded(), "checked against the kept contributions, LightGBM not loaded");

            ClientHistory history = new ClientHistory(QuickModel.get().data());
            FeatureMatrix features = model.pipeline().compute(QuickModel.get().data().table(HomeCreditTable.APPLICATION_TRAIN)
                    .orElseThrow().first(50), history);
            double[] ours = model.contributions(features);
            double[] lightGbm = model.lightGbmContributions(features);
            assertTrue(model.lightGbmLoaded(), "loaded when LightGBM's own values are asked for");
            for (int i = 0; i < ours.length; i++) {
                assertEquals(lightGbm[i], ours[i], 1e-9 * Math.max(1, Math.abs(lightGbm[i])), "value " + i);
            }
        }
    }

    @Test
    void theShippedModelOpensWithoutLightGbm() {
        Path shipped = ProjectFolder.of("models/default");

        assertTrue(ContributionReference.read(shipped).orElseThrow().madeFor(sha(shipped)), "kept for the shipped model text");
        try (ScoringModel model = ScoringModel.load(shipped)) {
            assertTrue(model.explainsInJava());
            assertFalse(model.lightGbmLoaded());
        }
    }

    @Test
    void withoutTheFileLightGbmChecksAsBefore() throws IOException {
        Path folder = copyWithoutReference("old");

        try (ScoringModel model = ScoringModel.load(folder)) {
            assertTrue(model.explainsInJava());
            assertTrue(model.lightGbmLoaded());
        }
    }

    @Test
    void aTextLightGbmRefusesWhenItIsFinallyLoadedIsReportedWithTheFolder() throws Exception {
        Path folder = copyWithoutReference("refused");
        String text = Files.readString(folder.resolve(ModelArtifact.MODEL_FILE))
                .replace("objective=binary sigmoid:1", "objective=no-such-objective");
        Files.writeString(folder.resolve(ModelArtifact.MODEL_FILE), text);
        var card = (com.fasterxml.jackson.databind.node.ObjectNode) ModelArtifact.JSON.readTree(folder.resolve(ModelArtifact.CARD_FILE).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) card.get("model-details").get("model-file")).put("sha256", ModelArtifact.sha256(text));
        ModelArtifact.JSON.writeValue(folder.resolve(ModelArtifact.CARD_FILE).toFile(), card);

        try (ScoringModel model = ScoringModel.load(folder)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(com.pretadepenser.creditdesk.engine.CreditDeskException.class,
                    model::explainsInJava, "our reader takes the objective on trust, LightGBM does not");
            assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        }
    }

    @Test
    void keptValuesTheJavaWalkDoesNotGiveAreSetAsideAndLightGbmDecides() throws IOException {
        Path folder = copyWithoutReference("tampered");
        ContributionReference kept = ContributionReference.read(QuickModel.get().modelDir()).orElseThrow();
        double[] changed = kept.contributions().clone();
        changed[7] += 1e-3;
        ContributionReference tampered = new ContributionReference(kept.modelSha256(), kept.lightGbm(), kept.columns(), kept.rows(), changed);
        tampered.write(folder.resolve(ContributionReference.FILE));
        TreeEnsemble trees = TreeEnsemble.parse(ModelArtifact.read(folder).modelText());

        assertFalse(LightGbmAgreement.agreesWith(trees, tampered));
        assertTrue(LightGbmAgreement.agreesWith(trees, kept));
        try (ScoringModel model = ScoringModel.load(folder)) {
            assertTrue(model.explainsInJava(), "LightGBM itself found the Java walk right");
            assertTrue(model.lightGbmLoaded());
        }
    }

    @Test
    void aReferenceMadeForAnotherModelTextOrLightGbmIsNotUsed() throws IOException {
        ContributionReference kept = ContributionReference.read(QuickModel.get().modelDir()).orElseThrow();
        List<ContributionReference> foreign = List.of(
                new ContributionReference("ab".repeat(32), kept.lightGbm(), kept.columns(), kept.rows(), kept.contributions()),
                new ContributionReference(kept.modelSha256(), "3.3.5", kept.columns(), kept.rows(), kept.contributions()));
        for (int i = 0; i < foreign.size(); i++) {
            Path folder = copyWithoutReference("foreign-" + i);
            foreign.get(i).write(folder.resolve(ContributionReference.FILE));

            try (ScoringModel model = ScoringModel.load(folder)) {
                assertTrue(model.explainsInJava());
                assertTrue(model.lightGbmLoaded(), foreign.get(i) + " is not used");
            }
        }
    }

    @Test
    void aDamagedFileReadsAsNoneIsLeftAsItIsAndTheModelStillOpens() throws IOException {
        byte[] whole = Files.readAllBytes(QuickModel.get().modelDir().resolve(ContributionReference.FILE));
        byte[] garbage = new byte[whole.length];
        Arrays.fill(garbage, (byte) 0x5a);
        byte[] longer = Arrays.copyOf(whole, whole.length + 3);
        List<byte[]> damaged = List.of(new byte[0], Arrays.copyOf(whole, 9), Arrays.copyOf(whole, whole.length / 2),
                Arrays.copyOf(whole, whole.length - 1), garbage, longer);
        for (int i = 0; i < damaged.size(); i++) {
            Path folder = copyWithoutReference("damaged-" + i);
            Path file = folder.resolve(ContributionReference.FILE);
            Files.write(file, damaged.get(i));

            assertTrue(ContributionReference.read(folder).isEmpty(), "damaged file " + i);
            try (ScoringModel model = ScoringModel.load(folder)) {
                assertTrue(model.explainsInJava());
                assertTrue(model.lightGbmLoaded());
            }
            assertArrayEquals(damaged.get(i), Files.readAllBytes(file), "the user's file is not changed");
        }
    }
}
