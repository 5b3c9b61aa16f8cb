package com.pretadepenser.creditdesk.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * How the command line shows the engine's log: one line per warning on stderr, the cause's own
 * message after it, never a stack trace (a user reads "creditdesk: warning: ..." and the command's
 * reason). {@code -Dcreditdesk.debug=true} adds the traces for a developer; a
 * {@code java.util.logging.config.file} given by the user replaces all of this.
 */
final class ConsoleLog {
    /** The property that brings stack traces back. */
    static final String DEBUG = "creditdesk.debug";

    private ConsoleLog() {
    }

    /** Installs the one-line handler on the root logger, unless the user configured logging. */
    static void install() {
        if (System.getProperty("java.util.logging.config.file") != null || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.INFO);
        console.setFormatter(new OneLine(Boolean.getBoolean(DEBUG)));
        root.addHandler(console);
    }

    /** "creditdesk: warning: message: cause" on one line; the trace only when asked for. */
    static final class OneLine extends Formatter {
        private final boolean traces;

        OneLine(boolean traces) {
            this.traces = traces;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder("creditdesk: ");
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                line.append(record.getLevel().intValue() >= Level.SEVERE.intValue() ? "error: " : "warning: ");
            }
            line.append(formatMessage(record));
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                String reason = thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
                if (!line.toString().contains(reason)) {
                    line.append(": ").append(reason);
                }
            }
            line.append(System.lineSeparator());
            if (thrown != null && traces) {
                java.io.StringWriter trace = new java.io.StringWriter();
                thrown.printStackTrace(new java.io.PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
