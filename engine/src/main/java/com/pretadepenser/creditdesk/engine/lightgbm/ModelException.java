package com.pretadepenser.creditdesk.engine.lightgbm;

import com.pretadepenser.creditdesk.engine.CreditDeskException;

/** A model that cannot be trained, loaded or applied; the message says which and why. */
public final class ModelException extends CreditDeskException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
