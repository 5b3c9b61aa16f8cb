package com.pretadepenser.creditdesk.engine.data;

/**
 * Parses the decimal numbers CSV files hold, exactly as {@link Double#parseDouble} does and several
 * times faster for the common shape: an optional sign, at most 15 significant digits, an optional
 * decimal point and at most 22 decimals, nothing else ({@code 406597.5}, {@code -1188},
 * {@code 0.0188}). Such a number is a whole number below 2^53 divided by an exact power of ten, and
 * one IEEE division rounds that correctly (Clinger's fast path), so the result is bit for bit
 * {@code Double.parseDouble}'s. Anything else (exponents, more digits, spaces, words) goes to
 * {@code Double.parseDouble} itself, with its errors.
 */
final class Decimals {
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final int MAX_DIGITS = 15;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Decimals() {
    }

    static double parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    /** The number in {@code chars[from, to)}, as {@code Double.parseDouble} of that text gives it. */
    static double parse(char[] chars, int from, int to) {
        int i = from;
        boolean negative = false;
        if (to > from && (chars[from] == '-' || chars[from] == '+')) {
            negative = chars[from] == '-';
            i = from + 1;
        }
        long digits = 0;
        int significant = 0;
        int decimals = 0;
        boolean point = false;
        boolean anyDigit = false;
        for (; i < to; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (point) {
                    decimals++;
                }
                if (digits == 0 && c == '0') {
                    continue; // a leading zero is not significant
                }
                if (++significant > MAX_DIGITS) {
                    return slow(chars, from, to);
                }
                digits = digits * 10 + (c - '0');
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return slow(chars, from, to);
            }
        }
        if (!anyDigit || decimals >= POWERS_OF_TEN.length) {
            return slow(chars, from, to);
        }
        double value = decimals == 0 ? digits : digits / POWERS_OF_TEN[decimals];
        return negative ? -value : value;
    }

    private static double slow(char[] chars, int from, int to) {
        return Double.parseDouble(new String(chars, from, to - from));
    }
}
