package com.pretadepenser.creditdesk.app.common;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.OptionalDouble;

/** Reads a number as a person types it in either language: "450 000", "450,000", "12,5" (fr), "12.5" (en). */
public final class Numbers {
    private Numbers() {
    }

    public static OptionalDouble parse(String text, Locale locale) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String compact = text.strip().replaceAll("[\\s\u00A0\u202F']", "");
        if (compact.isEmpty()) {
            return OptionalDouble.empty();
        }
        if ("fr".equals(locale.getLanguage())) {
            compact = compact.replace(',', '.');
        } else if (compact.contains(",")) {
            // in English a comma only groups thousands: "2,5" is a typo for 2.5 or 25, so it is refused
            if (!compact.matches("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?")) {
                return OptionalDouble.empty();
            }
            compact = compact.replace(",", "");
        }
        if (!compact.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)")) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(compact));
    }

    /** A number as the locale writes it, with at most {@code digits} decimals. */
    public static String format(double value, int digits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(digits);
        format.setGroupingUsed(true);
        return format.format(value);
    }
}
