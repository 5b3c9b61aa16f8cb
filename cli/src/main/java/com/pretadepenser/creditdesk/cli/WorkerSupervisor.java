package com.pretadepenser.creditdesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A distributed worker's training runs in a child JVM watched by this one. When a worker dies,
 * LightGBM inside a survivor may see the broken socket first and abort that process on its own
 * (exit code 134, "[LightGBM] [Fatal] Socket recv error" then "terminate called ..."), where no
 * Java code runs any more. The parent outlives that: it relays the child's output, keeps
 * LightGBM's fatal lines from reaching the user as the last word, and ends with CreditDesk's
 * message and exit code 1. The child holds a pipe from the parent on its standard input and
 * ends at once when it closes, so stopping or killing the worker's process stops its training.
 */
final class WorkerSupervisor {
    /** Set on the child's command line: the child trains and watches its parent. */
    static final String CHILD = "creditdesk.worker.child";
    private static final String FATAL = "[LightGBM] [Fatal]";
    private static final String TERMINATE = "terminate called";

    private WorkerSupervisor() {
    }

    /** Whether this process is the child of a supervising worker. */
    static boolean isChild() {
        return Boolean.getBoolean(CHILD);
    }

    /** The java launcher of this runtime, if it has one (a jlinked runtime may not). */
    static Path javaLauncher() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path java = bin.resolve(System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        return Files.isExecutable(java) ? java : null;
    }

    /** In the child: ends the process as soon as the parent's pipe on standard input closes. */
    static void watchParent() {
        Thread watch = new Thread(() -> {
            try {
                InputStream in = System.in;
                while (in.read() >= 0) {
                    // the parent writes nothing: any byte is ignored, end of stream means it is gone
                }
            } catch (IOException e) {
                // the same as end of stream
            }
            System.err.println();
            System.err.println("creditdesk: this worker's process was stopped: its training stops, it wrote nothing.");
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }, "creditdesk-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Runs {@code args} (the whole command line) in a child JVM with this JVM's options, relays its
     * output, and returns the exit code the worker ends with.
     */
    static int run(Path java, List<String> args) {
        List<String> line = new ArrayList<>();
        line.add(java.toString());
        line.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        line.add("-D" + CHILD + "=true");
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        line.add(CreditDeskCli.class.getName());
        line.addAll(args);
        Process child;
        try {
            child = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new com.pretadepenser.creditdesk.engine.CreditDeskException(
                    "Could not start the worker's training process (" + java + "): " + e.getMessage(), e);
        }
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "creditdesk-worker-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        AtomicReference<String> fatal = new AtomicReference<>();
        Thread relay = new Thread(() -> relay(child.getErrorStream(), System.err, fatal), "creditdesk-worker-stderr");
        relay.start();
        int code;
        try {
            code = child.waitFor();
            relay.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
            return 1;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
        if (code == 0 || code == 1) {
            return code; // the child said what happened in its own words
        }
        System.err.println();
        System.err.println("creditdesk: " + ending(code, fatal.get()));
        System.err.flush();
        return 1;
    }

    /** CreditDesk's words for a child that ended abnormally. */
    static String ending(int code, String fatal) {
        if (fatal != null && fatal.contains("Socket")) {
            return "a worker was lost during training (LightGBM: " + fatal + "): the connection to another worker broke; "
                    + "every worker stops, no model was written.";
        }
        return "the worker's training process ended abnormally (exit code " + code + (fatal != null ? ", LightGBM: " + fatal : "")
                + "): every worker stops, no model was written.";
    }

    /**
     * Copies the child's standard error to {@code out} as it comes (progress bars redraw with
     * carriage returns, so a piece ends at either end of line), except LightGBM's fatal lines and
     * the C++ runtime's "terminate called" line: the first fatal line's text is kept for the ending.
     */
    static void relay(InputStream in, OutputStream out, AtomicReference<String> fatal) {
        PrintStream target = out instanceof PrintStream p ? p : new PrintStream(out, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream piece = new ByteArrayOutputStream();
        try (in) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    piece.write(buffer[i]);
                    if (buffer[i] == '\n' || buffer[i] == '\r') {
                        emit(piece, target, fatal);
                    }
                }
                if (in.available() == 0 && piece.size() > 0 && !startsLikeHeld(piece)) {
                    emit(piece, target, fatal); // a prompt or a partial line: shown at once
                }
            }
        } catch (IOException e) {
            // the child is gone: what it wrote so far was relayed
        }
        emit(piece, target, fatal);
    }

    private static boolean startsLikeHeld(ByteArrayOutputStream piece) {
        String text = piece.toString(StandardCharsets.UTF_8);
        return FATAL.startsWith(text) || TERMINATE.startsWith(text) || text.startsWith(FATAL) || text.startsWith(TERMINATE);
    }

    private static void emit(ByteArrayOutputStream piece, PrintStream target, AtomicReference<String> fatal) {
        if (piece.size() == 0) {
            return;
        }
        String text = piece.toString(StandardCharsets.UTF_8);
        piece.reset();
        if (text.startsWith(FATAL)) {
            fatal.compareAndSet(null, text.substring(FATAL.length()).strip());
        } else if (!text.startsWith(TERMINATE)) {
            target.print(text);
            target.flush();
        }
    }
}
