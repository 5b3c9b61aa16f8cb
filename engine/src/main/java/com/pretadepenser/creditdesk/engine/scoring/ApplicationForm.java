package com.pretadepenser.creditdesk.engine.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.EngineText;
import com.pretadepenser.creditdesk.engine.Localizable;
import com.pretadepenser.creditdesk.engine.data.ColumnKind;
import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A new application given field by field (the API's POST /score, the dashboard's form), checked
 * and turned into the one-row table the feature pipeline reads. Fields left out are missing, as
 * in a real export.
 */
public final class ApplicationForm {
    /**
     * The fields a score cannot do without. Employment is among them because the model reads a
     * missing employment length as the data set does: like a pensioner's, which lowers the risk.
     */
    public static final List<String> REQUIRED = List.of("AMT_INCOME_TOTAL", "AMT_CREDIT", "AMT_ANNUITY", "DAYS_BIRTH",
            "DAYS_EMPLOYED", "NAME_INCOME_TYPE");

    /** What is wrong with one field, in words a person can act on: {@link #message()} in English, or in a language. */
    public record FieldError(String field, @JsonIgnore EngineText text) implements Localizable {
        public FieldError {
            java.util.Objects.requireNonNull(text, "text");
        }

        FieldError(String field, EngineMessage key, Object... args) {
            this(field, EngineText.of(key, args));
        }

        /** The problem in English, e.g. {@code is required}. */
        @JsonProperty("message")
        public String message() {
            return text.toString();
        }

        /** The problem in a language. */
        public String message(Locale locale) {
            return text.format(locale);
        }

        /** The field's name and its problem, e.g. {@code AMT_CREDIT is required}. */
        @Override
        public String format(Locale locale) {
            return field + " " + message(locale);
        }
    }

    /** A form that cannot be scored; {@link #errors()} names every bad field. */
    public static final class InvalidApplicationException extends CreditDeskException {
        private static final long serialVersionUID = 1L;
        private final transient List<FieldError> errors;

        InvalidApplicationException(List<FieldError> errors) {
            super(EngineMessage.APPLICATION_INVALID, errors.size(), EngineText.joined(errors));
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    private ApplicationForm() {
    }

    /**
     * The same checks, and every text field's value among the categories the model learned (a
     * category it never saw would be read as missing, silently: "working" is not "Working").
     */
    public static List<FieldError> validate(Map<String, ?> fields, FeatureSchema schema) {
        List<FieldError> errors = validate(fields);
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (!(field.getValue() instanceof String value) || value.isBlank()
                    || HomeCreditSchema.get().column(HomeCreditTable.APPLICATION_TEST, field.getKey()).isEmpty()) {
                continue;
            }
            List<String> levels = schema.levels(HomeCreditTable.APPLICATION_TRAIN, field.getKey());
            if (!levels.isEmpty() && !levels.contains(value.strip())) {
                Object near = levels.stream().filter(l -> l.equalsIgnoreCase(value.strip())).findFirst()
                        .<Object>map(l -> EngineText.of(EngineMessage.FIELD_DID_YOU_MEAN, l)).orElse("");
                String known = levels.size() <= 8 ? String.join(", ", levels) : String.join(", ", levels.subList(0, 8)) + ", ...";
                errors.add(new FieldError(field.getKey(), EngineMessage.FIELD_UNKNOWN_CATEGORY, value, known, near));
            }
        }
        return errors;
    }

    /** Checks the fields without building anything: the list is empty when the form can be scored. */
    public static List<FieldError> validate(Map<String, ?> fields) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            ColumnSpec spec = HomeCreditSchema.get().column(HomeCreditTable.APPLICATION_TEST, field.getKey()).orElse(null);
            Object value = field.getValue();
            if (spec == null) {
                errors.add(new FieldError(field.getKey(), EngineMessage.FIELD_NOT_IN_LAYOUT));
            } else if (value != null && spec.isNumber() && !(value instanceof Number)) {
                errors.add(new FieldError(field.getKey(), EngineMessage.FIELD_NOT_A_NUMBER, value));
            } else if (value != null && !spec.isNumber() && !(value instanceof String)) {
                errors.add(new FieldError(field.getKey(), EngineMessage.FIELD_NOT_TEXT, value));
            } else if (value instanceof Number number && !Double.isFinite(number.doubleValue())) {
                errors.add(new FieldError(field.getKey(), EngineMessage.FIELD_NOT_FINITE));
            }
        }
        for (String required : REQUIRED) {
            if (fields.get(required) == null) {
                errors.add(new FieldError(required, EngineMessage.FIELD_REQUIRED));
            }
        }
        rule(fields, errors, "AMT_INCOME_TOTAL", v -> v > 0, EngineText.of(EngineMessage.FIELD_POSITIVE));
        rule(fields, errors, "AMT_CREDIT", v -> v > 0, EngineText.of(EngineMessage.FIELD_POSITIVE));
        rule(fields, errors, "AMT_ANNUITY", v -> v > 0, EngineText.of(EngineMessage.FIELD_POSITIVE));
        rule(fields, errors, "DAYS_BIRTH", v -> v <= -18 * 365.25 && v >= -100 * 365.25,
                EngineText.of(EngineMessage.FIELD_DAYS_BIRTH));
        rule(fields, errors, "DAYS_EMPLOYED", v -> v == com.pretadepenser.creditdesk.engine.data.HomeCreditSchema.DAYS_SENTINEL || v <= 0,
                EngineText.of(EngineMessage.FIELD_DAYS_EMPLOYED, (long) com.pretadepenser.creditdesk.engine.data.HomeCreditSchema.DAYS_SENTINEL));
        rule(fields, errors, "CNT_CHILDREN", v -> v >= 0 && v == Math.rint(v), EngineText.of(EngineMessage.FIELD_CHILDREN));
        if (fields.get("AMT_GOODS_PRICE") instanceof Number goods && fields.get("AMT_CREDIT") instanceof Number credit
                && goods.doubleValue() > credit.doubleValue() * 1.5) {
            errors.add(new FieldError("AMT_GOODS_PRICE", EngineText.of(EngineMessage.FIELD_GOODS_PRICE)));
        }
        return errors;
    }

    private static void rule(Map<String, ?> fields, List<FieldError> errors, String field,
                             java.util.function.DoublePredicate ok, EngineText message) {
        if (fields.get(field) instanceof Number number && Double.isFinite(number.doubleValue()) && !ok.test(number.doubleValue())) {
            errors.add(new FieldError(field, message));
        }
    }

    /** The application; refuses an invalid form naming every bad field. */
    public static Application toApplication(Map<String, ?> fields) {
        return build(fields, validate(fields));
    }

    /** The same, refusing also text values outside the categories the model learned. */
    public static Application toApplication(Map<String, ?> fields, FeatureSchema schema) {
        return build(fields, validate(fields, schema));
    }

    private static Application build(Map<String, ?> fields, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidApplicationException(errors);
        }
        return Application.fromFields(fields);
    }
}
