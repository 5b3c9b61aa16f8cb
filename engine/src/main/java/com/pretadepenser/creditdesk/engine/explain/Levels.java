package com.pretadepenser.creditdesk.engine.explain;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Category values of the data (e.g. {@code Cash loans}, {@code F}) in the reader's language, for
 * the client card, the forms and the reasons: French names from {@code levels_fr.properties}, and
 * in English words for the values the data writes as codes ({@code levels_en.properties}: F, M,
 * XNA...); any other value as the data writes it.
 */
public final class Levels {
    private static final String BUNDLE = "com.pretadepenser.creditdesk.engine.explain.levels";

    private Levels() {
    }

    public static String label(String value, Locale locale) {
        if (value == null) {
            return null;
        }
        Locale language = "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        try {
            ResourceBundle names = ResourceBundle.getBundle(BUNDLE, language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return names.getString(key(value)).replace("''", "'");
        } catch (MissingResourceException e) {
            return value;
        }
    }

    static String key(String value) {
        return value.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
