package com.pretadepenser.creditdesk.app.form;

import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.Numbers;
import java.util.OptionalDouble;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable application field in human units (an amount, a count, years employed), with its
 * conversion to the Home Credit column and an inline message when the text is not acceptable.
 */
public final class EditableField {
    /** How the field reads and what it accepts. */
    public enum Kind {
        AMOUNT(0), COUNT(0), YEARS(1), AGE(0), SCORE(3);

        final int digits;

        Kind(int digits) {
            this.digits = digits;
        }
    }

    /** DAYS_EMPLOYED's code for "not employed" (pensioners, unemployed): an empty years field stands for it. */
    public static final double NOT_EMPLOYED = com.pretadepenser.creditdesk.engine.data.HomeCreditSchema.DAYS_SENTINEL;

    private final String column;
    private final String labelKey;
    private final Kind kind;
    private final boolean required;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** The value last shown and its text: an untouched field gives back the exact value, not its rounded text. */
    private double shownRaw = Double.NaN;
    private String shownText;
    /** The last value the field read successfully, to rewrite it in another language. */
    private double lastRaw = Double.NaN;

    public EditableField(String column, String labelKey, Kind kind, boolean required) {
        this.column = column;
        this.labelKey = labelKey;
        this.kind = kind;
        this.required = required;
    }

    public String column() {
        return column;
    }

    public String labelKey() {
        return labelKey;
    }

    public Kind kind() {
        return kind;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows a raw column value in the field's human unit; NaN shows as empty. */
    public void show(double raw, I18n i18n) {
        error.set("");
        shownRaw = raw;
        lastRaw = raw;
        shownText = Double.isNaN(raw) || (kind == Kind.YEARS && raw == NOT_EMPLOYED) ? "" : Numbers.format(toHuman(raw), kind.digits, i18n.locale());
        text.set(shownText);
    }

    /** Shows the field's current value again in the current language's number format (after a language switch). */
    public void reshow(I18n i18n) {
        String typed = text.get() == null ? "" : text.get().strip();
        boolean untouched = shownText != null && typed.equals(shownText.strip());
        double original = shownRaw;
        double current = lastRaw;
        show(untouched ? original : current, i18n);
        if (!untouched) {
            shownRaw = original;
            shownText = null; // an edited value: read as typed from now on, not as the client's exact one
        }
    }

    /** The raw column value the text stands for (NaN for an empty optional field), or empty with the error set. */
    public OptionalDouble raw(I18n i18n) {
        String typed = text.get() == null ? "" : text.get().strip();
        if (shownText != null && typed.equals(shownText.strip())) {
            error.set("");
            lastRaw = shownRaw;
            return OptionalDouble.of(shownRaw);
        }
        if (typed.isEmpty()) {
            if (kind == Kind.YEARS) {
                error.set("");
                return OptionalDouble.of(NOT_EMPLOYED);
            }
            if (required) {
                error.set(i18n.get("field.required"));
                return OptionalDouble.empty();
            }
            error.set("");
            return OptionalDouble.of(Double.NaN);
        }
        OptionalDouble value = Numbers.parse(typed, i18n.locale());
        if (value.isEmpty()) {
            error.set(i18n.get("field.notNumber", typed));
            return OptionalDouble.empty();
        }
        double v = value.getAsDouble();
        String problem = switch (kind) {
            case AMOUNT -> v > 0 ? null : i18n.get("field.positive");
            case COUNT -> v >= 0 && v == Math.rint(v) && v <= 30 ? null : i18n.get("field.count");
            case YEARS -> v >= 0 && v <= 60 ? null : i18n.get("field.years");
            case AGE -> v >= 18 && v <= 100 ? null : i18n.get("field.ageRange");
            case SCORE -> v >= 0 && v <= 1 ? null : i18n.get("field.score");
        };
        error.set(problem == null ? "" : problem);
        if (problem == null) {
            lastRaw = toRaw(v);
        }
        return problem == null ? OptionalDouble.of(toRaw(v)) : OptionalDouble.empty();
    }

    private double toHuman(double raw) {
        return kind == Kind.YEARS ? -raw / 365.25 : kind == Kind.AGE ? Math.floor(-raw / 365.25) : raw;
    }

    private double toRaw(double human) {
        return kind == Kind.YEARS || kind == Kind.AGE ? -Math.round(human * 365.25) : human;
    }
}
