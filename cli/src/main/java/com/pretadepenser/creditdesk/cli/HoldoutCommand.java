package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import com.pretadepenser.creditdesk.engine.training.StratifiedFolds;
import com.pretadepenser.creditdesk.engine.training.Trainer;
import com.pretadepenser.creditdesk.engine.training.TrainingConfig;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * The synthetic-data quality check: train on part of the labelled applicants, score the rest, and
 * set the AUC against the optimum the generator's true probabilities reach on the same clients.
 */
@Command(name = "holdout", mixinStandardHelpOptions = true,
        description = "Train on a stratified share of the labelled applicants and measure AUC on the rest; on synthetic "
                + "data, also the Bayes-optimal AUC of the generator's true probabilities on the same applicants.")
final class HoldoutCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "A local dataset or a folder of Kaggle-layout CSVs.")
    Path data;

    @Option(names = "--test-share", defaultValue = "0.2", description = "Share of labelled applicants held out. Default: ${DEFAULT-VALUE}.")
    double testShare;

    @Mixin
    TrainingOptions training = new TrainingOptions();

    @Override
    public Integer call() throws IOException {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("--test-share must lie strictly between 0 and 1, got " + testShare);
        }
        TrainingConfig config = training.config();
        DataSource source = DataSource.open(data);
        Table train = source.data().table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow(() ->
                new CreditDeskException(data + " has no application_train.csv: a holdout needs labelled applicants."));
        int[] target = train.intColumn("TARGET").asIntArray();
        // The same stratified dealing as cross-validation: fold 0 of round(1/share) folds is held out.
        int parts = (int) Math.round(1 / testShare);
        int[] part = StratifiedFolds.assign(target, parts, config.seed() + 7);
        int[] learnRows = IntStream.range(0, target.length).filter(i -> part[i] != 0).toArray();
        int[] testRows = IntStream.range(0, target.length).filter(i -> part[i] == 0).toArray();
        Map<HomeCreditTable, Table> tables = new EnumMap<>(source.data().tables());
        tables.put(HomeCreditTable.APPLICATION_TRAIN, train.rows(learnRows));
        tables.remove(HomeCreditTable.APPLICATION_TEST);
        HomeCreditData learning = new HomeCreditData(tables, source.data().orphans(), source.data().notes());

        long start = System.nanoTime();
        Trainer.TrainedModel trained;
        try (ProgressBar bar = Progress.bar("holdout", 1, "fits")) {
            trained = new Trainer().train(learning, source.origin(), "holdout", config, ProgressBarMonitor.of(bar).naming("training: "));
            bar.stepTo(bar.getMax());
        }
        Table held = train.rows(testRows);
        double[] scores;
        try (ScoringModel model = ScoringModel.of(trained.card(), trained.modelText())) {
            scores = model.probabilities(held, new ClientHistory(source.data()));
        }
        int[] heldTarget = held.intColumn("TARGET").asIntArray();
        double auc = Statistics.auc(scores, heldTarget);
        System.out.printf("trained on %,d, tested on %,d held-out applicants in %.0f s (%s)%n", learnRows.length, testRows.length,
                (System.nanoTime() - start) / 1e9, data);
        System.out.printf("%-42s %8s%n", "", "AUC");
        System.out.printf("%-42s %8.4f%n", "model on held-out applicants", auc);
        System.out.printf("%-42s %8.4f%n", "model out-of-fold on the training share", trained.card().evaluation().metrics().rocAuc());
        Path truth = truthFile();
        if (truth != null) {
            Int2DoubleOpenHashMap truePd = readTruth(truth);
            double[] optimal = IntStream.of(held.intColumn("SK_ID_CURR").asIntArray()).mapToDouble(truePd::get).toArray();
            double bayes = Statistics.auc(optimal, heldTarget);
            System.out.printf("%-42s %8.4f%n", "true probabilities (Bayes optimum)", bayes);
            System.out.printf("%-42s %8.4f%n", "gap to the optimum", bayes - auc);
        }
        return 0;
    }

    private Path truthFile() {
        if (LocalDataset.isLocalDataset(data)) {
            return LocalDataset.open(data).truthFile().orElse(null);
        }
        Path truth = data.resolve(LocalDataset.TRUTH);
        return Files.isRegularFile(truth) ? truth : null;
    }

    private static Int2DoubleOpenHashMap readTruth(Path file) throws IOException {
        Int2DoubleOpenHashMap map = new Int2DoubleOpenHashMap();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            for (NamedCsvRecord r : csv) {
                map.put(Integer.parseInt(r.getField("SK_ID_CURR")), Double.parseDouble(r.getField("TRUE_PD")));
            }
        }
        return map;
    }
}
