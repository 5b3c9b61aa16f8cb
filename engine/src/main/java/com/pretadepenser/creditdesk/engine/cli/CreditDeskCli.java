package com.pretadepenser.creditdesk.engine.cli;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar engine/target/creditdesk.jar COMMAND}. Exit code 0 on
 * success; on failure a one-line reason on stderr and a non-zero code.
 */
@Command(name = "creditdesk", mixinStandardHelpOptions = true, version = "CreditDesk 0.1.0",
        description = "CreditDesk command line: generate, import and inspect Home Credit data.",
        subcommands = {GenerateCommand.class, ImportCommand.class, InspectCommand.class, ProfileCommand.class,
                FidelityCommand.class, BenchCommand.class, TrainCommand.class, EvaluateCommand.class, ScoreCommand.class, HoldoutCommand.class, ExplainCommand.class, ServeCommand.class, BenchScoringCommand.class,
                CommandLine.HelpCommand.class})
public final class CreditDeskCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; used by main and by the tests. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new CreditDeskCli());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof CreditDeskException || e instanceof IllegalArgumentException) {
                err.println("creditdesk: " + e.getMessage());
            } else {
                err.println("creditdesk: unexpected error: " + e);
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
