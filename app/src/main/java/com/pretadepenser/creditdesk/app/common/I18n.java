package com.pretadepenser.creditdesk.app.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Every text the user reads, from the {@code i18n/messages} bundles, in the language chosen at
 * run time. Views bind to {@link #text(String, Object...)} so a language switch relabels them all.
 */
public final class I18n {
    public static final String BUNDLE = "com.pretadepenser.creditdesk.app.i18n.messages";
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(Locale.ENGLISH);
    private ResourceBundle bundle = load(Locale.ENGLISH);

    public I18n(Locale initial) {
        setLocale(initial);
        locale.addListener((obs, old, now) -> bundle = load(now));
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The supported language closest to the given one: French for any French locale, English otherwise. */
    public static Locale supported(Locale wanted) {
        return wanted != null && "fr".equals(wanted.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale wanted) {
        Locale chosen = supported(wanted);
        bundle = load(chosen);
        locale.set(chosen);
    }

    /** Whether the bundle has a text for {@code key} (for optional words, such as a data value's name). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for a key now; a missing key shows as {@code !key!} so a screenshot reveals it. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // Always through MessageFormat, so a quote is written '' in every text, with arguments or not.
        return new MessageFormat(pattern, locale.get()).format(args);
    }

    /** The text for a key, following the language. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }
}
