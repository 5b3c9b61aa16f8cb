package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import java.io.PrintStream;
import java.util.List;

/** Prints evaluation metrics as aligned tables. */
final class MetricsTable {
    private MetricsTable() {
    }

    static void print(PrintStream out, String title, Metrics overall, List<Metrics> folds) {
        out.println(title);
        out.printf("%-10s %8s %8s %8s %8s %8s %8s %8s %8s%n", "", "ROC AUC", "PR AUC", "Brier", "log loss", "KS",
                "recall", "precis.", "F" + (int) overall.beta());
        if (folds != null) {
            for (int k = 0; k < folds.size(); k++) {
                row(out, "fold " + (k + 1), folds.get(k));
            }
        }
        row(out, folds == null ? "all" : "out-of-fold", overall);
        Metrics.Confusion c = overall.confusion();
        out.printf("at threshold %.3f: %,d defaulters refused, %,d defaulters granted (missed), %,d repayers refused, %,d repayers granted%n",
                overall.threshold(), c.truePositives(), c.falseNegatives(), c.falsePositives(), c.trueNegatives());
        out.println("calibration by decile (mean predicted -> observed default rate):");
        StringBuilder line = new StringBuilder(" ");
        for (Metrics.CalibrationBin bin : overall.calibration()) {
            line.append(" %.1f%%->%.1f%%".formatted(100 * bin.meanPredicted(), 100 * bin.observedRate()));
        }
        out.println(line);
    }

    private static void row(PrintStream out, String label, Metrics m) {
        out.printf("%-10s %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f%n", label, m.rocAuc(), m.prAuc(), m.brier(),
                m.logLoss(), m.ks(), m.recall(), m.precision(), m.fBeta());
    }
}
