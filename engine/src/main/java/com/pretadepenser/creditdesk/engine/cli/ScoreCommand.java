package com.pretadepenser.creditdesk.engine.cli;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.explain.Explainer;
import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.scoring.Contribution;
import com.pretadepenser.creditdesk.engine.scoring.ScoringModel;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score every applicant of a dataset (train and test tables): SK_ID_CURR, probability of default, decision.")
final class ScoreCommand implements Callable<Integer> {
    @Mixin
    ModelAndData modelAndData = new ModelAndData();

    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--replace", description = "Replace --out if it exists.")
    boolean replace;

    @Option(names = "--explain", description = "Add each client's three factors that raise the risk most (REASON_1..3).")
    boolean explain;

    @Option(names = "--lang", defaultValue = "en", description = "Language of the reasons: en or fr. Default: ${DEFAULT-VALUE}.")
    String lang;

    private static final int REASONS = 3;

    /** The families raising this row's risk most, as labels; blank where fewer raise it. */
    private static List<String> reasons(List<String> names, double[] contributions, int row, Locale locale) {
        int width = names.size() + 1;
        List<Contribution> parts = new java.util.ArrayList<>(names.size());
        for (int f = 0; f < names.size(); f++) {
            parts.add(new Contribution(names.get(f), Double.NaN, contributions[row * width + f]));
        }
        List<String> labels = new java.util.ArrayList<>(Explainer.families(parts, locale).stream()
                .filter(f -> f.contribution() > 0)
                .sorted((a, b) -> Double.compare(b.contribution(), a.contribution()))
                .limit(REASONS).map(Explanation.FamilyContribution::label).toList());
        while (labels.size() < REASONS) {
            labels.add("");
        }
        return labels;
    }

    private Locale locale() {
        if (!lang.equals("en") && !lang.equals("fr")) {
            throw new IllegalArgumentException("--lang must be en or fr, not " + lang);
        }
        return Locale.forLanguageTag(lang);
    }

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !replace) {
            throw new CreditDeskException(out + " already exists. Choose another file, or replace it with --replace.");
        }
        try (ScoringModel scoring = ScoringModel.load(modelAndData.model)) {
            DataSource source = DataSource.open(modelAndData.data);
            ClientHistory history = new ClientHistory(source.data());
            scoring.requireHistoryFor(history);
            Path absolute = out.toAbsolutePath();
            Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
            long granted = 0;
            long total = 0;
            try (CsvWriter csv = CsvWriter.builder().build(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                List<String> header = new java.util.ArrayList<>(List.of("SK_ID_CURR", "SET", "PROBABILITY", "DECISION"));
                if (explain) {
                    for (int r = 1; r <= REASONS; r++) {
                        header.add("REASON_" + r);
                    }
                }
                csv.writeRecord(header);
                for (HomeCreditTable table : List.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST)) {
                    Table applications = source.data().table(table).orElse(null);
                    if (applications == null) {
                        continue;
                    }
                    FeatureMatrix features = scoring.pipeline().compute(applications, history);
                    double[] p = scoring.probabilities(features);
                    double[] contributions = explain ? scoring.contributions(features) : null;
                    int[] ids = applications.intColumn("SK_ID_CURR").asIntArray();
                    for (int i = 0; i < ids.length; i++) {
                        boolean refused = scoring.refused(p[i]);
                        granted += refused ? 0 : 1;
                        total++;
                        List<String> record = new java.util.ArrayList<>(List.of(Integer.toString(ids[i]),
                                table == HomeCreditTable.APPLICATION_TRAIN ? "train" : "test", "%.6f".formatted(p[i]),
                                refused ? "REFUSED" : "GRANTED"));
                        if (explain) {
                            record.addAll(reasons(scoring.card().featureNames(), contributions, i, locale()));
                        }
                        csv.writeRecord(record);
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
