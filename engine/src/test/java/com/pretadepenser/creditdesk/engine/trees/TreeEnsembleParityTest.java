package com.pretadepenser.creditdesk.engine.trees;

import com.pretadepenser.creditdesk.engine.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.QuickModel;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Java tree walk gives LightGBM's own raw scores and TreeSHAP contributions, for every client,
 * on the quick model and on the shipped one.
 */
class TreeEnsembleParityTest {

    private static void assertSameScores(ScoringModel model, HomeCreditData data, int expectedClients) {
        ClientHistory history = new ClientHistory(data);
        int checked = 0;
        for (HomeCreditTable table : new HomeCreditTable[] {HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST}) {
            var applications = data.table(table).orElse(null);
            if (applications == null) {
                continue;
            }
            FeatureMatrix features = model.pipeline().compute(applications, history);
            double[] ours = model.rawScores(features);
            double[] lightGbm = model.lightGbmRawScores(features);
            for (int i = 0; i < ours.length; i++) {
                assertEquals(lightGbm[i], ours[i], 1e-12, "client " + features.clientId(i));
            }
            double[] ourContributions = model.contributions(features);
            double[] lightGbmContributions = model.lightGbmContributions(features);
            int width = model.card().details().features().size() + 1;
            assertEquals(lightGbmContributions.length, ourContributions.length);
            for (int i = 0; i < ourContributions.length; i++) {
                assertEquals(lightGbmContributions[i], ourContributions[i], 1e-9,
                        "contribution " + i % width + " of client " + features.clientId(i / width));
            }
            checked += ours.length;
        }
        assertEquals(expectedClients, checked);
    }

    @Test
    void quickModelScoresAndContributionsEqualLightGbmsForEveryClient() {
        try (ScoringModel model = ScoringModel.load(QuickModel.get().modelDir())) {
            HomeCreditData data = QuickModel.get().data();
            int clients = data.rowCount(HomeCreditTable.APPLICATION_TRAIN) + data.rowCount(HomeCreditTable.APPLICATION_TEST);
            assertSameScores(model, data, clients);
        }
    }

    @Test
    void shippedModelScoresAndContributionsEqualLightGbmsForEveryDemoClient() {
        String text;
        try {
            text = Files.readString(ProjectFolder.of("models/default").resolve("model.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(java.util.regex.Pattern.compile("num_cat=[1-9]").matcher(text).find(), "the shipped model splits on categories too");
        assertTrue(text.contains(" 2 ") && text.contains(" 8 ") && text.contains(" 10 "), "and numerical splits with missing values sent left, right, or read as zero");
        try (ScoringModel model = ScoringModel.load(ProjectFolder.of("models/default"))) {
            assertTrue(model.explainsInJava(), "the shipped model passes the check on rows that travel every branch");
            assertSameScores(model, LocalDataset.open(ProjectFolder.of("data/demo")).load(), 23_170);
        }
    }
}
