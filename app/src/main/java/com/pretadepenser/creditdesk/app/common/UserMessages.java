package com.pretadepenser.creditdesk.app.common;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.EngineText;
import com.pretadepenser.creditdesk.engine.OutOfMemory;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Turns a failure into the one line a person reads: the engine's own messages already say what,
 * where and what to do, and carry a key so they read in the officer's language; anything else
 * gets its type and message, never a stack trace. Every failure the app shows goes through here.
 */
public final class UserMessages {
    private UserMessages() {
    }

    /** The line in English. */
    public static String of(Throwable error) {
        return of(error, Locale.ENGLISH);
    }

    /** The line in a language (French or English). */
    public static String of(Throwable error, Locale locale) {
        return of(error, new I18n(locale));
    }

    /** The line in the language the window shows: an engine failure in that language, others as they are. */
    public static String of(Throwable error, I18n i18n) {
        Locale locale = i18n.locale();
        Throwable cause = error;
        // Wrappers (an exception whose message is just its cause's) say nothing a person needs.
        while (cause.getCause() != null && cause != cause.getCause() && !(cause instanceof CreditDeskException)
                && (cause.getMessage() == null || cause.getMessage().equals(cause.getCause().toString()))) {
            cause = cause.getCause();
        }
        if (cause instanceof CreditDeskException engine) {
            return engine.getLocalizedMessage(locale);
        }
        if (cause instanceof IllegalArgumentException || cause instanceof UncheckedIOException) {
            return cause.getMessage();
        }
        if (cause instanceof OutOfMemoryError) {
            return OutOfMemory.text(EngineText.of(EngineMessage.THIS_TASK)).format(locale);
        }
        if (cause instanceof CancellationException) {
            return i18n.get("status.cancelled");
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
