package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.batch.ScoreExport;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    private Locale locale() {
        if (!lang.equals("en") && !lang.equals("fr")) {
            throw new IllegalArgumentException("--lang must be en or fr, not " + lang);
        }
        return Locale.forLanguageTag(lang);
    }

    @Override
    public Integer call() {
        Locale reasons = explain ? locale() : null;
        try (ScoringModel scoring = ScoringModel.load(modelAndData.model)) {
            DataSource source = DataSource.open(modelAndData.data);
            ClientHistory history = new ClientHistory(source.data());
            ScoreExport export = new ScoreExport(scoring, source.data(), history);
            ScoreExport.Summary summary;
            try (ProgressBar bar = Progress.bar("score", 1, "clients")) {
                summary = export.write(out, replace, reasons, ProgressBarMonitor.of(bar));
            }
            System.out.printf("%,d applicants scored into %s: %,d granted, %,d refused at threshold %.3f%s%n", summary.total(), out,
                    summary.granted(), summary.refused(), scoring.threshold(), source.origin().synthetic() ? " (SYNTHETIC data)" : "");
        }
        return 0;
    }
}
