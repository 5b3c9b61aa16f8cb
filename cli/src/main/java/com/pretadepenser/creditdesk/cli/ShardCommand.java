package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.data.DatasetShards;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "shard", mixinStandardHelpOptions = true,
        description = "Split a local dataset by client into N local datasets (part-0 ... part-N-1), every client with all its rows "
                + "in the seven tables (bureau_balance through its bureau row), for distributed training or scoring on several machines.")
final class ShardCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "The local dataset to split (made by import).")
    Path data;

    @Option(names = "--parts", required = true, description = "How many parts: one per worker.")
    int parts;

    @Option(names = "--out", required = true, description = "Folder to create, holding part-0 ... and shards.json.")
    Path out;

    @Option(names = "--replace", description = "Replace --out if it exists.")
    boolean replace;

    @Override
    public Integer call() {
        DatasetShards.Summary summary;
        try (ProgressBar bar = Progress.bar("shard", 1, "tables")) {
            summary = DatasetShards.split(data, parts, out, replace, ProgressBarMonitor.of(bar));
        }
        System.out.printf("%s split into %d parts by client in %s%n", data, parts, out);
        for (int k = 0; k < parts; k++) {
            System.out.printf("  %-12s %,10d clients%n", summary.parts().get(k).getFileName(), summary.clients().get(k));
        }
        return 0;
    }
}
