package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures how long a local dataset takes to open, as a table: the first step of every session of
 * the app and of every command. Results and how to reproduce them: docs/benchmarks.md.
 */
@Command(name = "bench-open", mixinStandardHelpOptions = true,
        description = "Benchmark opening a local dataset: manifest, application tables, every table. Prints a table of timings.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "A local dataset folder (from import).")
    Path data;

    @Option(names = "--repeat", defaultValue = "5", description = "Measured repetitions after one warm-up. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--all-tables", description = "Also time loading every child table.")
    boolean allTables;

    @Override
    public Integer call() {
        measure(true);
        double[] applications = new double[repeat];
        double[] everything = new double[repeat];
        long heap = 0;
        for (int i = 0; i < repeat; i++) {
            double[] t = measure(allTables);
            applications[i] = t[0];
            everything[i] = t[1];
            Runtime rt = Runtime.getRuntime();
            heap = Math.max(heap, rt.totalMemory() - rt.freeMemory());
        }
        LocalDataset dataset = LocalDataset.open(data);
        System.out.printf("dataset %s: %,d applicants%n", data, dataset.manifest().tables().stream()
                .filter(t -> t.table().startsWith("application")).mapToLong(t -> t.rows()).sum());
        System.out.printf("%-40s %10s %10s %10s%n", "step", "median ms", "min ms", "max ms");
        row("open + application train and test", applications);
        if (allTables) {
            row("open + all tables", everything);
        }
        System.out.printf("heap in use after load: %,d MB%n", heap / (1024 * 1024));
        return 0;
    }

    private double[] measure(boolean all) {
        long start = System.nanoTime();
        LocalDataset dataset = LocalDataset.open(data);
        // As the product opens them: in their stored widths (mapped when uncompressed), not decoded.
        dataset.compactTable(HomeCreditTable.APPLICATION_TRAIN);
        dataset.compactTable(HomeCreditTable.APPLICATION_TEST);
        double applications = (System.nanoTime() - start) / 1e6;
        if (all) {
            dataset.load();
        }
        return new double[] {applications, (System.nanoTime() - start) / 1e6};
    }

    private static void row(String step, double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s %10.0f %10.0f %10.0f%n", step, Statistics.nearestRankOfSorted(sorted, 0.5), sorted[0], sorted[sorted.length - 1]);
    }
}
