package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.decisions.DecisionLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify-log", mixinStandardHelpOptions = true,
        description = "Check the decision log's hash chain. Exit 0 when it is whole; 1 naming the first bad line and what is wrong "
                + "with it (edited, deleted, reordered, torn).")
final class VerifyLogCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The log. Default: the user's (decisions.jsonl in the user's data folder).")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DecisionLog log = file == null ? DecisionLog.forUser() : new DecisionLog(file);
        if (file != null && !Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("creditdesk: " + file + " is not a file (give the decision log, e.g. "
                    + DecisionLog.forUser().file() + ")");
            return 1;
        }
        DecisionLog.Check check = log.verify();
        if (check.whole()) {
            System.out.printf("%s: whole, %d records, last hash %s%n", log.file(), check.records(), check.lastHash());
            return 0;
        }
        spec.commandLine().getErr().printf("creditdesk: %s is %s at line %d: %s (%d records before it are whole)%n", log.file(),
                check.problem().orElseThrow().name().toLowerCase(java.util.Locale.ROOT), check.line(), check.message(), check.records());
        return 1;
    }
}
