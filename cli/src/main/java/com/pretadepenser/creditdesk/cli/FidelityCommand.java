package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.synth.FidelityReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = "Compare a synthetic application_train table with a genuine one, column by column "
                + "(missing rates, KS, default-rate direction of the top 10 features). Exit 0 when every target is met, 2 otherwise.")
final class FidelityCommand implements Callable<Integer> {
    @Option(names = "--real", required = true, description = "Folder of genuine Kaggle CSV files (e.g. ../shared/realdata).")
    Path real;

    @Option(names = "--synthetic", required = true, description = "Synthetic CSV folder or local dataset.")
    Path synthetic;

    @Option(names = "--all", description = "List every column, not only those that miss a target.")
    boolean all;

    @Override
    public Integer call() {
        HomeCreditData realData = Progress.read(HomeCreditFolder.scan(real));
        HomeCreditData syntheticData = LocalDataset.isLocalDataset(synthetic)
                ? LocalDataset.open(synthetic).load() : Progress.read(HomeCreditFolder.scan(synthetic));
        FidelityReport report = FidelityReport.compare(realData, syntheticData);
        System.out.printf("%-30s %9s %9s %7s %6s %6s  %s%n", "column", "miss real", "miss syn", "gap", "KS", "cats", "");
        long failing = 0;
        double worstGap = 0;
        double worstKs = 0;
        double worstCategories = 0;
        for (FidelityReport.ColumnCheck c : report.columns()) {
            double gap = Math.abs(c.realMissing() - c.syntheticMissing());
            worstGap = Math.max(worstGap, gap);
            if (!Double.isNaN(c.ks())) {
                worstKs = Math.max(worstKs, c.ks());
            }
            if (!Double.isNaN(c.categoryDistance())) {
                worstCategories = Math.max(worstCategories, c.categoryDistance());
            }
            if (!c.passes()) {
                failing++;
            }
            if (all || !c.passes()) {
                System.out.printf("%-30s %9.3f %9.3f %7.3f %6s %6s  %s%n", c.column(), c.realMissing(), c.syntheticMissing(), gap,
                        Double.isNaN(c.ks()) ? "-" : "%.3f".formatted(c.ks()),
                        Double.isNaN(c.categoryDistance()) ? "-" : "%.3f".formatted(c.categoryDistance()),
                        c.passes() ? "ok" : "MISSES TARGET");
            }
        }
        System.out.printf("%d columns: worst missing-rate gap %.3f (target <= %.2f), worst KS %.3f (target <= %.2f), "
                        + "worst category distance %.3f (target <= %.2f), %d missing a target%n",
                report.columns().size(), worstGap, FidelityReport.MAX_MISSING_GAP, worstKs, FidelityReport.MAX_KS,
                worstCategories, FidelityReport.MAX_CATEGORY_DISTANCE, failing);
        System.out.println();
        System.out.printf("%-30s %8s %21s %21s  %s%n", "top feature (real)", "real AUC", "real Q1 -> Q4", "synthetic Q1 -> Q4", "");
        for (FidelityReport.DirectionCheck d : report.directions()) {
            System.out.printf("%-30s %8.3f %9.1f%% -> %6.1f%% %9.1f%% -> %6.1f%%  %s%n", d.column(), d.realAuc(),
                    100 * d.realLow(), 100 * d.realHigh(), 100 * d.syntheticLow(), 100 * d.syntheticHigh(),
                    d.passes() ? "same direction" : "OPPOSITE");
        }
        System.out.println(report.passes() ? "fidelity: every target met" : "fidelity: some targets missed");
        return report.passes() ? 0 : 2;
    }
}
