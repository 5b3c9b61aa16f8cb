package com.pretadepenser.creditdesk.engine;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.synth.SyntheticGenerator;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.training.Trainer;
import com.pretadepenser.creditdesk.engine.training.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real model, trained once per test JVM in a few seconds on 3,000 synthetic clients: what the
 * scoring and explanation tests run against (no mock: the real LightGBM runs in milliseconds).
 */
public final class QuickModel {
    private static QuickModel instance;

    private final HomeCreditData data;
    private final Path modelDir;

    private QuickModel(HomeCreditData data, Path modelDir) {
        this.data = data;
        this.modelDir = modelDir;
    }

    public static synchronized QuickModel get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("creditdesk-quick-model-");
                dir.toFile().deleteOnExit();
                new SyntheticGenerator().generate(SyntheticGenerator.Settings.kaggleSplit(3_000, 21), dir.resolve("syn"), false);
                HomeCreditData data = HomeCreditFolder.scan(dir.resolve("syn")).read();
                TrainingConfig config = new TrainingConfig(3, 5, BusinessCost.DEFAULT, TrainingConfig.Imbalance.NONE, true, 80, 20, 2,
                        Map.of("learning_rate", "0.1"));
                Trainer.TrainedModel trained = new Trainer().train(data, new Trainer.DataOrigin("quick", true, List.of()), "quick",
                        config, ProgressMonitor.NONE);
                ModelArtifact.write(dir.resolve("model"), trained.card(), trained.modelText(), false);
                instance = new QuickModel(data, dir.resolve("model"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public HomeCreditData data() {
        return data;
    }

    public Path modelDir() {
        return modelDir;
    }
}
