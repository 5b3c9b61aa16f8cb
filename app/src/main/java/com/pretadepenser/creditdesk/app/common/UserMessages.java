package com.pretadepenser.creditdesk.app.common;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.OutOfMemory;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/**
 * Turns a failure into the one line a person reads: the engine's own messages already say what,
 * where and what to do; anything else gets its type and message, never a stack trace.
 */
public final class UserMessages {
    private UserMessages() {
    }

    public static String of(Throwable error) {
        Throwable cause = error;
        // Wrappers (an exception whose message is just its cause's) say nothing a person needs.
        while (cause.getCause() != null && cause != cause.getCause() && !(cause instanceof CreditDeskException)
                && (cause.getMessage() == null || cause.getMessage().equals(cause.getCause().toString()))) {
            cause = cause.getCause();
        }
        if (cause instanceof CreditDeskException || cause instanceof IllegalArgumentException || cause instanceof UncheckedIOException) {
            return cause.getMessage();
        }
        if (cause instanceof OutOfMemoryError) {
            return OutOfMemory.message("this task");
        }
        if (cause instanceof CancellationException) {
            return "Cancelled.";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
