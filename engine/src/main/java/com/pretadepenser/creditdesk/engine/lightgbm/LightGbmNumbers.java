package com.pretadepenser.creditdesk.engine.lightgbm;

import java.util.Locale;

/**
 * Numbers as LightGBM writes them in its model text. Its writer prints doubles through
 * {@code fmt} / {@code std::to_chars} and so writes {@code inf}, {@code -inf} and {@code nan}
 * (and, from some C runtimes, {@code -nan}, {@code nan(ind)} or {@code 1.#INF}) where Java's
 * {@link Double#parseDouble} only takes {@code Infinity} and {@code NaN}. Genuine data has
 * infinite ratios, so every reader of LightGBM output goes through here.
 */
public final class LightGbmNumbers {
    private LightGbmNumbers() {
    }

    /** One number; an {@link IllegalArgumentException} naming the text if it is not one. */
    public static double parse(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String body = negative || lower.startsWith("+") ? lower.substring(1) : lower;
        if (body.equals("inf") || body.equals("infinity") || body.equals("1.#inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.startsWith("nan") || body.startsWith("1.#ind") || body.startsWith("1.#qnan")) {
            return Double.NaN;
        }
        // parseDouble would also take hexadecimal forms and a trailing 'd' or 'f', which LightGBM never writes.
        if (s.isEmpty() || !s.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number", e);
        }
    }

    /** A number as LightGBM writes it (shortest exact form; inf, -inf, nan). */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value).replace('E', 'e');
    }

    /** A space-separated list of numbers, as in {@code threshold=} or {@code leaf_value=}. */
    public static double[] parseList(String values) {
        String[] parts = values.strip().split(" +");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parse(parts[i]);
        }
        return out;
    }
}
