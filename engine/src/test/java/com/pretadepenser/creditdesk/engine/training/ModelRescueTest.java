package com.pretadepenser.creditdesk.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training's work is never thrown away: read-back fails at the first fold, a model that cannot be finished is saved. */
class ModelRescueTest {
    @Test
    void aModelTextOurReaderCannotTakeStopsTrainingAtTheFirstFoldNamingIt() {
        String unreadable = String.join("\n", "tree", "version=v4", "num_tree_per_iteration=1", "max_feature_idx=0", "",
                "Tree=0", "num_leaves=2", "num_cat=0", "split_feature=0", "threshold=1.#QNB", "decision_type=2",
                "left_child=-1", "right_child=-2", "leaf_value=0.1 -0.1", "leaf_count=5 5", "internal_count=10", "", "end of trees", "");
        CreditDeskException e = assertThrows(CreditDeskException.class,
                () -> CrossValidation.requireReadable(unreadable, "none, fold 1"));
        assertTrue(e.getMessage().startsWith("Training stopped at none, fold 1"), e.getMessage());
        assertTrue(e.getMessage().contains("Tree=0") && e.getMessage().contains("threshold") && e.getMessage().contains("1.#QNB"),
                e.getMessage());
    }

    @Test
    void aModelThatCannotBeFinishedIsSavedBesideTheFolderWhichStaysAsItWas(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("model");
        Path rescued = ModelArtifact.rescue(out, "tree\nversion=v4\n");
        assertEquals(dir.resolve("model.unfinished-model.txt"), rescued);
        assertEquals("tree\nversion=v4\n", Files.readString(rescued));
        assertFalse(Files.exists(out), "the model folder is not made half");
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no partial file left beside it");
        }
    }

    @Test
    void anExistingModelFolderIsRefusedBeforeTrainingStarts(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("model"));
        CreditDeskException e = assertThrows(CreditDeskException.class, () -> ModelArtifact.requireWritable(out, false));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--replace"), e.getMessage());
        ModelArtifact.requireWritable(out, true);
    }
}
