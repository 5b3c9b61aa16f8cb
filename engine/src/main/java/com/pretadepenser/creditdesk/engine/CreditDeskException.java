package com.pretadepenser.creditdesk.engine;

import java.util.Locale;

/**
 * The one exception type of CreditDesk. Its message is written for the person at the keyboard:
 * it says what was wrong, where (file, line, column, value) and, when we know, what to do.
 * It carries an {@link EngineMessage} key and its arguments, so the same failure reads in English
 * ({@link #getMessage()}, what the log and the command line show) or in the user's language
 * ({@link #getLocalizedMessage(Locale)}). Callers show the message and log the stack trace once.
 */
public class CreditDeskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient EngineText text;

    public CreditDeskException(EngineMessage key, Object... args) {
        this(EngineText.of(key, args), (Throwable) null);
    }

    public CreditDeskException(Throwable cause, EngineMessage key, Object... args) {
        this(EngineText.of(key, args), cause);
    }

    public CreditDeskException(EngineText text) {
        this(text, (Throwable) null);
    }

    public CreditDeskException(EngineText text, Throwable cause) {
        super(text.format(Locale.ENGLISH), cause);
        this.text = text;
    }

    /** A message with no key, for the few texts that are not the engine's own (it reads the same in every language). */
    public CreditDeskException(String message) {
        super(message);
        this.text = null;
    }

    public CreditDeskException(String message, Throwable cause) {
        super(message, cause);
        this.text = null;
    }

    /** The message's key, or null when the message was given as plain text. */
    public EngineMessage key() {
        return text == null ? null : text.key();
    }

    /** The message's arguments (empty without a key). */
    public Object[] args() {
        return text == null ? new Object[0] : text.args();
    }

    /** The message in the given language; the English {@link #getMessage()} when it has no key. */
    public String getLocalizedMessage(Locale locale) {
        return text == null ? getMessage() : text.format(locale);
    }
}
