package com.pretadepenser.creditdesk.app.common;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Category values of the data (e.g. {@code Cash loans}, {@code House / apartment}) in the user's
 * language: French names from {@code i18n/levels_fr.properties}; English shows the data's own words.
 */
public final class Levels {
    private static final String BUNDLE = "com.pretadepenser.creditdesk.app.i18n.levels";

    private Levels() {
    }

    public static String label(String value, Locale locale) {
        if (value == null || !"fr".equals(locale.getLanguage())) {
            return value;
        }
        try {
            ResourceBundle french = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return french.getString(key(value)).replace("''", "'");
        } catch (MissingResourceException e) {
            return value;
        }
    }

    static String key(String value) {
        return value.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
