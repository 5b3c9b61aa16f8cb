package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.batch.ScoreMerge;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge-scores", mixinStandardHelpOptions = true,
        description = "Merge the score files of a dataset's shards (each written by score on its own machine) into one: "
                + "the same columns, every client once, train applicants then test ones, by SK_ID_CURR.")
final class MergeScoresCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "FILE.csv", description = "The shards' score files.")
    List<Path> inputs;

    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--replace", description = "Replace --out if it exists.")
    boolean replace;

    @Override
    public Integer call() {
        ScoreMerge.Summary summary = ScoreMerge.merge(inputs, out, replace);
        System.out.printf("%,d clients from %d files merged into %s%n", summary.clients(), inputs.size(), out);
        return 0;
    }
}
