package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.synth.SyntheticGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a synthetic dataset in the Kaggle Home Credit layout (all 7 tables, every column).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--clients", defaultValue = "20000", description = "Labelled (train) applicants. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--test-clients", description = "Unlabelled (test) applicants. Default: Kaggle's share, 15.9 %% of --clients.")
    Integer testClients;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed and size give identical files. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, description = "Folder to create with the CSV files.")
    Path out;

    @Option(names = "--replace", description = "Replace --out if it exists.")
    boolean replace;

    @Override
    public Integer call() {
        SyntheticGenerator.Settings settings = testClients == null
                ? SyntheticGenerator.Settings.kaggleSplit(clients, seed)
                : new SyntheticGenerator.Settings(clients, testClients, seed);
        int total = settings.trainClients() + settings.testClients();
        long start = System.nanoTime();
        SyntheticGenerator.Summary summary;
        try (ProgressBar bar = Progress.bar("generate", total, "clients")) {
            summary = new SyntheticGenerator().generate(settings, out, replace, ProgressBarMonitor.of(bar));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("SYNTHETIC dataset written to %s in %.1f s (seed %d)%n", out, seconds, seed);
        System.out.printf("%-28s %14s%n", "table", "rows");
        for (HomeCreditTable table : HomeCreditTable.values()) {
            System.out.printf("%-28s %,14d%n", table.fileName(), summary.rows().getOrDefault(table, 0L));
        }
        System.out.printf("train default rate %.2f %% (mean true probability %.2f %%)%n",
                100 * summary.defaultRate(), 100 * summary.meanTrueProbability());
        return 0;
    }
}
