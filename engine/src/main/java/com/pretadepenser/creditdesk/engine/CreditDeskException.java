package com.pretadepenser.creditdesk.engine;

/**
 * The one exception type of CreditDesk. Its message is written for the person at the keyboard:
 * it says what was wrong, where (file, line, column, value) and, when we know, what to do.
 * Callers show {@link #getMessage()} and log the stack trace once.
 */
public class CreditDeskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CreditDeskException(String message) {
        super(message);
    }

    public CreditDeskException(String message, Throwable cause) {
        super(message, cause);
    }
}
