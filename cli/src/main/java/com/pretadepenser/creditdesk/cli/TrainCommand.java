package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.training.Trainer;
import com.pretadepenser.creditdesk.engine.training.TrainingConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the scoring model (LightGBM, stratified k-fold cross-validation, business-cost threshold) "
                + "and write it with its model card.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "A local dataset or a folder of Kaggle-layout CSVs with application_train.csv.")
    Path data;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", description = "Model folder to create (model.txt and model-card.json); with --machines, written by rank 0 only.")
    Path out;

    @Option(names = "--name", defaultValue = "default", description = "Model name in the card. Default: ${DEFAULT-VALUE}.")
    String name;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Option(names = "--replace", description = "Replace --out if it exists.")
    boolean replace;

    @Option(names = "--machines", description = "Train as one of several workers on LightGBM's network: every worker as host:port "
            + "(the port LightGBM listens on there), in rank order, the same list on each; --data is this worker's shard (see shard).")
    String machines;

    @Option(names = "--rank", defaultValue = "0", description = "With --machines: this worker's place in the list (0 writes the model). Default: ${DEFAULT-VALUE}.")
    int rank;

    @Option(names = "--control-port", description = "With --machines: the port rank 0 listens on for the workers' own connection "
            + "(meeting, early stopping, out-of-fold predictions). Default: rank 0's LightGBM port + 1000.")
    Integer controlPort;

    @Option(names = "--timeout", defaultValue = "120", description = "With --machines: seconds to wait for every worker to join, "
            + "and for a silent worker before all stop. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--tree-learner", defaultValue = "data", description = "With --machines: data or voting (LightGBM's parallel learners). Default: ${DEFAULT-VALUE}.")
    String treeLearner;

    /** The whole command line this command was parsed from (from the command's name on). */
    java.util.List<String> commandLine() {
        return spec.root().commandLine().getParseResult().originalArgs();
    }

    @Override
    public Integer call() {
        if (machines != null) {
            return new DistributedTraining(this).run();
        }
        if (out == null) {
            throw new IllegalArgumentException("train needs --out: the model folder to create");
        }
        TrainingConfig config = training.config();
        ModelArtifact.requireWritable(out, replace);
        DataSource source = DataSource.open(data);
        long start = System.nanoTime();
        Trainer.TrainedModel trained;
        try (ProgressBar bar = Progress.bar("train", 1, "fits")) {
            trained = new Trainer().train(source.data(), source.origin(), name, config, ProgressBarMonitor.of(bar).naming("training: "));
            bar.stepTo(bar.getMax());
        } catch (Trainer.UnsavedModelException e) {
            Path rescued = ModelArtifact.rescue(out, e.modelText());
            throw new CreditDeskException(e.getMessage() + ". The trained LightGBM model is saved in " + rescued
                    + ": LightGBM and its tools read it; CreditDesk needs its card, so train again once the cause is fixed.", e);
        }
        try {
            ModelArtifact.write(out, trained.card(), trained.modelText(), replace);
        } catch (CreditDeskException e) {
            Path rescued = ModelArtifact.rescue(out, trained.modelText());
            throw new CreditDeskException(e.getMessage() + " The trained LightGBM model is saved in " + rescued
                    + "; once " + out + " can be written (another folder, or space freed), train again to get its card.", e);
        }
        ModelCard card = trained.card();
        System.out.printf("%smodel \"%s\" written to %s in %.0f s: %d features (of %d), %d rounds%n",
                card.training().trainingData().synthetic() ? "SYNTHETIC-DATA " : "", name, out, (System.nanoTime() - start) / 1e9,
                card.details().features().size(), card.training().crossValidation().featuresBeforePruning(), card.details().rounds());
        System.out.println();
        if (card.training().tuning() != null) {
            printTuning(card.training().tuning());
        }
        System.out.printf("class imbalance: %s (%s)%n", card.training().imbalance().chosen(), card.training().imbalance().reason());
        System.out.printf("  %-18s %9s %16s %9s %10s%n", "mode", "OOF AUC", "cost per client", "Brier", "threshold");
        for (ModelCard.ImbalanceCandidate c : card.training().imbalance().candidates()) {
            System.out.printf("  %-18s %9.4f %16.4f %9.4f %10.3f%n", c.mode(), c.oofAuc(), c.oofCost(), c.oofBrier(), c.threshold());
        }
        System.out.println();
        MetricsTable.print(System.out, "cross-validation (%d folds, seed %d):".formatted(config.folds(), config.seed()),
                card.evaluation().metrics(), card.training().crossValidation().foldMetrics());
        System.out.printf("decision threshold %.3f: expected cost %.4f per client (a missed default costs %s, a refused good client %s)%n",
                card.evaluation().threshold(), config.cost().costPerClient(trained.oof(), trained.target(), card.evaluation().threshold()),
                fmt(config.cost().falseNegative()), fmt(config.cost().falsePositive()));
        return 0;
    }

    static void printTuning(ModelCard.Tuning tuning) {
        System.out.printf("settings tuned (%s)%n", tuning.method());
        System.out.printf("  %-3s %-9s %9s %9s %16s   %s%n", "", "", "screening", "OOF AUC", "cost per client", "settings");
        for (int c = 0; c < tuning.candidates().size(); c++) {
            ModelCard.TuningCandidate t = tuning.candidates().get(c);
            System.out.printf("  %-3s %-9s %9.4f %9s %16s   %s%n", c == tuning.chosen() ? "*" : "", "#" + (c + 1), t.screeningAuc(),
                    t.oofAuc() == null ? "" : "%.4f".formatted(t.oofAuc()), t.oofCost() == null ? "" : "%.4f".formatted(t.oofCost()),
                    t.settings().isEmpty() ? "(defaults)" : t.settings());
        }
        System.out.println();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
