package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.evaluation.Fairness;
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

    /** The fairness figures by gender and age band, with the four-fifths convention stated. */
    static void printFairness(PrintStream out, Fairness fairness) {
        out.println("fairness at the threshold (FPR: repayers refused; FNR: defaulters granted; impact: approval rate / the most"
                + " approved group's, under 0.80 fails the four-fifths rule):");
        for (Fairness.Attribute attribute : fairness.attributes()) {
            out.printf("  %-8s %8s %9s %9s %7s %7s %7s %7s%n", attribute.name(), "clients", "approved", "defaults", "FPR", "FNR",
                    "AUC", "impact");
            for (Fairness.Group g : attribute.groups()) {
                out.printf("  %-8s %,8d %8.1f%% %8.1f%% %6s %6s %7s %7s%s%n", g.group(), g.count(), 100 * g.approvalRate(),
                        100 * g.defaultRate(), percent(g.falsePositiveRate()), percent(g.falseNegativeRate()), decimals(g.auc(), 3),
                        decimals(g.disparateImpact(), 2), g.meetsFourFifths() ? "" : "  below four fifths");
            }
        }
    }

    private static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : "%.1f%%".formatted(100 * rate);
    }

    private static String decimals(double value, int digits) {
        return Double.isNaN(value) ? "-" : ("%." + digits + "f").formatted(value);
    }
}
