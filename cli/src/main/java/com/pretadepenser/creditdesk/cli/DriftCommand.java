package com.pretadepenser.creditdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.data.AtomicFile;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.monitoring.DriftComparison;
import com.pretadepenser.creditdesk.engine.monitoring.DriftReport;
import com.pretadepenser.creditdesk.engine.monitoring.FeatureDrift;
import com.pretadepenser.creditdesk.engine.monitoring.Stability;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"How far a batch of applicants has drifted from a reference one (by default the model's training data):",
                "per feature of the model and per raw application column, the population stability index (PSI, on the",
                "reference's deciles, categories by level) and the two-sample Kolmogorov-Smirnov test; the score's own PSI;",
                "features sorted by PSI weighted by the model's importance; an overall verdict.",
                "Conventions: PSI < 0.1 stable, 0.1 to 0.25 moderate, > 0.25 significant."})
final class DriftCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model folder (model.txt and model-card.json).")
    Path model;

    @Option(names = "--reference", description = "Reference data (local dataset or Kaggle-layout CSV folder). Default: the training data named in the model card.")
    Path reference;

    @Option(names = "--current", required = true, description = "The batch to check (local dataset or Kaggle-layout CSV folder).")
    Path current;

    @Option(names = "--reference-set", defaultValue = "train", description = "Applicants of the reference: train, test or all. Default: ${DEFAULT-VALUE}.")
    DriftComparison.Applicants referenceSet;

    @Option(names = "--current-set", description = "Applicants of the current batch: train, test or all. Default: test when --current is the reference's own data, all otherwise.")
    DriftComparison.Applicants currentSet;

    @Option(names = "--top", defaultValue = "15", description = "Features and columns listed in the text report. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    boolean json;

    @Option(names = "--out", description = "Also write the report to this file (JSON when it ends in .json, the text table otherwise); written whole or not at all.")
    Path out;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, not " + top);
        }
        try (ScoringModel scoring = ScoringModel.load(model)) {
            Path referencePath = reference != null ? reference : trainingData(scoring);
            boolean sameData = referencePath.toAbsolutePath().normalize().equals(current.toAbsolutePath().normalize());
            DriftComparison.Applicants currentApplicants = currentSet != null ? currentSet
                    : sameData ? DriftComparison.Applicants.TEST : DriftComparison.Applicants.ALL;
            DataSource referenceSource = DataSource.open(referencePath);
            DataSource currentSource = sameData ? referenceSource : DataSource.open(current);
            DriftComparison comparison;
            try (ProgressBar bar = Progress.bar("drift", 1, "clients")) {
                comparison = DriftComparison.run(scoring, referenceSource.data(), referenceSet, referencePath.toString(),
                        currentSource.data(), currentApplicants, current.toString(), ProgressBarMonitor.of(bar));
            }
            DriftReport report = comparison.report();
            String title = "Drift of %s (%s applicants, %,d) against %s (%s applicants, %,d), model \"%s\"".formatted(
                    current, named(currentApplicants), report.currentRows(), referencePath, named(referenceSet),
                    report.referenceRows(), scoring.card().details().name());
            String text = json ? json(report) : text(title, report);
            System.out.print(text);
            if (out != null) {
                String file = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? json(report) : text(title, report);
                AtomicFile.write(out, partial -> Files.writeString(partial, file, StandardCharsets.UTF_8));
                if (!json) {
                    System.out.println("Report written to " + out);
                }
            }
        }
        return 0;
    }

    private static String named(DriftComparison.Applicants applicants) {
        return applicants.name().toLowerCase(Locale.ROOT);
    }

    private static Path trainingData(ScoringModel scoring) {
        var trainingData = scoring.card().training().trainingData();
        if (trainingData == null || trainingData.dataset() == null || trainingData.dataset().isBlank()) {
            throw new CreditDeskException(EngineMessage.DRIFT_NO_TRAINING_DATA, scoring.card().details().name());
        }
        Path named = Path.of(trainingData.dataset());
        if (!Files.isDirectory(named)) {
            throw new CreditDeskException(EngineMessage.DRIFT_TRAINING_DATA_NOT_FOUND, named, Path.of("").toAbsolutePath());
        }
        return named;
    }

    static String json(DriftReport report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(String title, DriftReport report) {
        StringWriter buffer = new StringWriter();
        PrintWriter w = new PrintWriter(buffer);
        w.println(title);
        w.printf("Verdict: %s (score PSI %.3f, KS %.3f p=%s; importance-weighted feature PSI %.3f)%n", verdict(report.verdict()),
                report.scorePsi(), report.scoreKs(), p(report.scoreKsPValue()), report.weightedPsi());
        w.printf("Features: %d significant, %d moderate, %d stable. PSI < 0.1 stable, 0.1-0.25 moderate, > 0.25 significant.%n",
                report.features(Stability.SIGNIFICANT).size(), report.features(Stability.MODERATE).size(),
                report.features(Stability.STABLE).size());
        w.println();
        w.printf("Model features, by PSI x importance (top %d of %d)%n", Math.min(top, report.features().size()), report.features().size());
        table(w, report.features(), true);
        if (!report.columns().isEmpty()) {
            w.println();
            w.printf("Raw application columns, by PSI (top %d of %d)%n", Math.min(top, report.columns().size()), report.columns().size());
            table(w, report.columns(), false);
        }
        w.flush();
        return buffer.toString();
    }

    private void table(PrintWriter w, List<FeatureDrift> rows, boolean importance) {
        w.printf("  %-42s %8s  %-11s %6s %9s %s%s%n", "feature", "PSI", "stability", "KS", "p-value", importance ? "importance " : "",
                "missing ref -> cur");
        for (FeatureDrift d : rows.subList(0, Math.min(top, rows.size()))) {
            w.printf("  %-42s %8.3f  %-11s %6s %9s %s%5.1f %% -> %5.1f %%%n", d.name(), d.psi(), d.stability().name().toLowerCase(Locale.ROOT),
                    Double.isNaN(d.ks()) ? "-" : "%.3f".formatted(d.ks()), p(d.ksPValue()),
                    importance ? "%9.1f %% ".formatted(100 * d.importance()) : "", 100 * d.referenceMissing(), 100 * d.currentMissing());
        }
    }

    private static String verdict(Stability stability) {
        return switch (stability) {
            case STABLE -> "STABLE: the applicants look like those the model was trained on";
            case MODERATE -> "MODERATE drift: watch the model's figures";
            case SIGNIFICANT -> "SIGNIFICANT drift: the model's figures may no longer hold; investigate and consider retraining";
        };
    }

    private static String p(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 1e-4 ? "<0.0001" : "%.4f".formatted(p);
    }
}
