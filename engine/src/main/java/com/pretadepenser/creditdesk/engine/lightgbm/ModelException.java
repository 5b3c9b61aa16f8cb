package com.pretadepenser.creditdesk.engine.lightgbm;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;

/** A model that cannot be trained, loaded or applied; the message says which and why. */
public final class ModelException extends CreditDeskException {
    private static final long serialVersionUID = 1L;

    public ModelException(EngineMessage key, Object... args) {
        super(key, args);
    }

    public ModelException(Throwable cause, EngineMessage key, Object... args) {
        super(cause, key, args);
    }

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
