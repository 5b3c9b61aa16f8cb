package com.pretadepenser.creditdesk.engine.cli;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.scoring.ScoringModel;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score every applicant of a dataset (train and test tables): SK_ID_CURR, probability of default, decision.")
final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model folder.")
    Path model;

    @Option(names = "--data", required = true, description = "A local dataset or a folder of Kaggle-layout CSVs.")
    Path data;

    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--replace", description = "Replace --out if it exists.")
    boolean replace;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !replace) {
            throw new CreditDeskException(out + " already exists. Choose another file, or replace it with --replace.");
        }
        try (ScoringModel scoring = ScoringModel.load(model)) {
            DataSource source = DataSource.open(data);
            ClientHistory history = new ClientHistory(source.data());
            scoring.requireHistoryFor(history);
            Path absolute = out.toAbsolutePath();
            Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
            long granted = 0;
            long total = 0;
            try (CsvWriter csv = CsvWriter.builder().build(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                csv.writeRecord("SK_ID_CURR", "SET", "PROBABILITY", "DECISION");
                for (HomeCreditTable table : List.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST)) {
                    Table applications = source.data().table(table).orElse(null);
                    if (applications == null) {
                        continue;
                    }
                    double[] p = scoring.probabilities(applications, history);
                    int[] ids = applications.intColumn("SK_ID_CURR").asIntArray();
                    for (int i = 0; i < ids.length; i++) {
                        boolean refused = scoring.refused(p[i]);
                        granted += refused ? 0 : 1;
                        total++;
                        csv.writeRecord(Integer.toString(ids[i]), table == HomeCreditTable.APPLICATION_TRAIN ? "train" : "test",
                                "%.6f".formatted(p[i]), refused ? "REFUSED" : "GRANTED");
                    }
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf("%,d applicants scored into %s: %,d granted, %,d refused at threshold %.3f%s%n", total, out,
                    granted, total - granted, scoring.threshold(), source.origin().synthetic() ? " (SYNTHETIC data)" : "");
        }
        return 0;
    }
}
