package com.pretadepenser.creditdesk.engine.features;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words for features in French and English ({@code features_en/_fr.properties}): the names
 * of the feature groups, the families, the ratios, the statistics of the aggregates and the
 * patterns that compose them.
 */
public final class FeatureTexts {
    private static final String BUNDLE = "com.pretadepenser.creditdesk.engine.features.features";

    private FeatureTexts() {
    }

    public static String text(String key, Locale locale) {
        return bundle(locale).getString(key);
    }

    public static boolean has(String key) {
        return bundle(Locale.ENGLISH).containsKey(key);
    }

    /** The pattern {@code key} with {@code arguments} in its {0}, {1}... */
    public static String format(String key, Locale locale, Object... arguments) {
        return new MessageFormat(text(key, locale), locale).format(arguments);
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale language = locale.getLanguage().equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
        return ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
