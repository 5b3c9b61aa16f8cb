package com.pretadepenser.creditdesk.engine;

import java.util.Locale;

/**
 * Anything written in the reader's language: an {@link EngineText}, a field error, a list of them.
 * An argument of this type is written in the language of the sentence that holds it.
 */
@FunctionalInterface
public interface Localizable {
    /** The text in a language (French for any French locale, English otherwise). */
    String format(Locale locale);
}
