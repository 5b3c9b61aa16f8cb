package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.OutOfMemory;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar cli/target/creditdesk.jar COMMAND}. Exit code 0 on
 * success; on failure a one-line reason on stderr and a non-zero code.
 */
@Command(name = "creditdesk", mixinStandardHelpOptions = true, versionProvider = CreditDeskCli.Version.class,
        description = "CreditDesk command line: generate, import and inspect Home Credit data.",
        subcommands = {GenerateCommand.class, ImportCommand.class, InspectCommand.class, ProfileCommand.class,
                FidelityCommand.class, BenchCommand.class, TrainCommand.class, EvaluateCommand.class, ScoreCommand.class, HoldoutCommand.class, ExplainCommand.class, ServeCommand.class, BenchScoringCommand.class, BenchCounterfactualsCommand.class, ShardCommand.class, MergeScoresCommand.class, VerifyLogCommand.class, ReportCommand.class, DriftCommand.class,
                CommandLine.HelpCommand.class})
public final class CreditDeskCli implements Runnable {
    /** {@code creditdesk --version}: the pom's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"CreditDesk " + com.pretadepenser.creditdesk.engine.CreditDeskVersion.get()};
        }
    }


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "creditdesk";
        ConsoleLog.install();
        // A worker thread (a parallel stream, a library's pool) that runs out of heap says so in the
        // same one line, and ends the command: the thread waiting on that worker would wait forever.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (outOfMemory(e)) {
                reportOutOfMemory(command);
                Runtime.getRuntime().halt(1);
            }
            System.err.println("creditdesk: unexpected error in " + thread.getName() + ": " + e);
        });
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; used by main and by the tests. */
    public static int run(String... args) {
        String command = args.length > 0 ? args[0] : "creditdesk";
        MEMORY_REPORTED.set(false);
        Progress.activity("");
        CommandLine commandLine = new CommandLine(new CreditDeskCli());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true); // --reference-set train, as the engine's TRAIN
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (outOfMemory(e)) {
                reportOutOfMemory(command);
            } else if (e instanceof CreditDeskException || e instanceof IllegalArgumentException) {
                err.println("creditdesk: " + e.getMessage());
            } else {
                err.println("creditdesk: unexpected error: " + e);
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        try {
            // Tablesaw's Table scans the class path once, in its static initialiser: done here, on
            // this thread, so that a heap too small for it fails as an out-of-memory error we can
            // name, not as "Could not initialize class" in whichever reader thread comes second.
            Class.forName("tech.tablesaw.api.Table", true, CreditDeskCli.class.getClassLoader());
            return commandLine.execute(args);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Tablesaw is part of the CreditDesk jar", e);
        } catch (OutOfMemoryError | ExceptionInInitializerError e) {
            if (!outOfMemory(e)) {
                throw e;
            }
            reportOutOfMemory(command);
            return 1;
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean MEMORY_REPORTED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Whether the heap ran out here or in a cause (a pool rethrows a worker's error wrapped). */
    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** Made before any work, for when the heap has no room left even for the message. */
    private static final String OUT_OF_MEMORY_FALLBACK = "creditdesk: " + OutOfMemory.message("this command");

    /** Once per process, however many threads ran out. */
    private static void reportOutOfMemory(String command) {
        if (MEMORY_REPORTED.compareAndSet(false, true)) {
            try {
                String doing = Progress.activity();
                System.err.println("creditdesk: " + OutOfMemory.message(doing.isEmpty() ? command : command + " (" + doing + ")"));
            } catch (OutOfMemoryError stillFull) {
                System.err.println(OUT_OF_MEMORY_FALLBACK);
            }
            System.err.flush();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
