package com.pretadepenser.creditdesk.engine;

import java.text.Format;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One engine sentence: a key of the {@code errors_*.properties} bundles and its arguments, written
 * in English or French on demand. An argument that is itself an {@code EngineText} (or a
 * {@link CreditDeskException}) is written in the same language; any other argument is written as
 * {@link String#valueOf(Object)} would, unless its placeholder names a format
 * ({@code {0,number,...}}, {@code {0,choice,...}}), so the English text stays what string
 * concatenation gave.
 */
public final class EngineText implements Localizable {
    /** The bundles' base name: {@code errors_en.properties} and {@code errors_fr.properties} beside this class. */
    public static final String BUNDLE = "com.pretadepenser.creditdesk.engine.errors";

    private final EngineMessage key;
    private final Object[] args;

    private EngineText(EngineMessage key, Object[] args) {
        this.key = java.util.Objects.requireNonNull(key, "key");
        this.args = args == null ? new Object[0] : args.clone();
    }

    public static EngineText of(EngineMessage key, Object... args) {
        return new EngineText(key, args);
    }

    public EngineMessage key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    /** This sentence in the given language (French for any French locale, English otherwise). */
    @Override
    public String format(Locale locale) {
        return format(locale, key, args);
    }

    /** The English text. */
    @Override
    public String toString() {
        return format(Locale.ENGLISH);
    }

    /**
     * A cause's message as an argument: a {@link CreditDeskException} itself (so it is written in
     * the same language), any other throwable's {@code getMessage()}.
     */
    public static Object messageOf(Throwable cause) {
        return cause instanceof CreditDeskException ? cause : String.valueOf(cause.getMessage());
    }

    /** Several texts in one, separated as the language separates a list ({@link EngineMessage#LIST_SEPARATOR}). */
    public static Localizable joined(java.util.List<? extends Localizable> parts) {
        java.util.List<Localizable> copy = java.util.List.copyOf(parts);
        return locale -> String.join(format(locale, EngineMessage.LIST_SEPARATOR),
                copy.stream().map(part -> part.format(locale)).toList());
    }

    /** The language the engine writes for a locale: French for any French locale, English otherwise. */
    public static Locale supported(Locale wanted) {
        return wanted != null && "fr".equals(wanted.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    /** The raw MessageFormat pattern of a key in a language. */
    public static String pattern(EngineMessage key, Locale locale) {
        return bundle(supported(locale)).getString(key.key());
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String format(Locale locale, EngineMessage key, Object... args) {
        Locale language = supported(locale);
        String pattern;
        try {
            pattern = pattern(key, language);
        } catch (MissingResourceException e) {
            // A missing text must not hide the failure it describes.
            return key.key() + " " + Arrays.toString(args);
        }
        MessageFormat format = new MessageFormat(pattern, language);
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] shown = new Object[args == null ? 0 : args.length];
        for (int i = 0; i < shown.length; i++) {
            Object arg = args[i];
            if (arg instanceof Localizable text) {
                shown[i] = text.format(language);
            } else if (arg instanceof CreditDeskException error) {
                shown[i] = error.getLocalizedMessage(language);
            } else if (i < formats.length && formats[i] != null && arg != null) {
                shown[i] = arg;
            } else {
                shown[i] = String.valueOf(arg);
            }
        }
        return format.format(shown);
    }
}
