package com.pretadepenser.creditdesk.engine.scoring;

import com.pretadepenser.creditdesk.engine.data.ColumnKind;
import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import com.pretadepenser.creditdesk.engine.data.CompactTable;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ApplicationRows;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One applicant's application in the Home Credit layout: every column of application_test by
 * name (numbers, NaN when missing; text, empty when missing), the client's SK_ID_CURR and, for a
 * labelled client, the known outcome. Immutable: a what-if edit gives a new application and
 * leaves this one as it was. This is what the engine's scoring API takes and gives, so that its
 * users never handle a data frame.
 */
public final class Application {
    private final int clientId;
    private final OptionalInt outcome;
    private final Map<String, Double> numbers;
    private final Map<String, String> texts;

    private Application(int clientId, OptionalInt outcome, Map<String, Double> numbers, Map<String, String> texts) {
        this.clientId = clientId;
        this.outcome = outcome;
        this.numbers = Collections.unmodifiableMap(numbers);
        this.texts = Collections.unmodifiableMap(texts);
    }

    /** Row {@code row} of an application table in its stored widths (train or test layout). */
    static Application of(CompactTable table, int row) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (ColumnSpec spec : HomeCreditSchema.get().columns(HomeCreditTable.APPLICATION_TEST)) {
            if (spec.kind() == ColumnKind.ID) {
                continue;
            }
            if (spec.isNumber()) {
                numbers.put(spec.name(), table.numbers(spec.name()).get(row));
            } else {
                CompactTable.Codes codes = table.codes(spec.name());
                int code = codes.code(row);
                texts.put(spec.name(), code < 0 ? "" : codes.levels().get(code));
            }
        }
        return new Application((int) table.numbers("SK_ID_CURR").get(row), outcome(table, row), numbers, texts);
    }

    /** The known outcome of row {@code row} (1 defaulted, 0 repaid), empty for a test applicant or a missing label. */
    static OptionalInt outcome(CompactTable table, int row) {
        if (!table.has("TARGET")) {
            return OptionalInt.empty();
        }
        double target = table.numbers("TARGET").get(row);
        return Double.isNaN(target) ? OptionalInt.empty() : OptionalInt.of((int) target);
    }

    /** A new application from form values (validated by {@link ApplicationForm}): numbers, text; absent is missing. */
    static Application fromFields(Map<String, ?> fields) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (ColumnSpec spec : HomeCreditSchema.get().columns(HomeCreditTable.APPLICATION_TEST)) {
            if (spec.kind() == ColumnKind.ID) {
                continue;
            }
            Object value = fields.get(spec.name());
            if (spec.isNumber()) {
                numbers.put(spec.name(), value == null ? Double.NaN : ((Number) value).doubleValue());
            } else {
                texts.put(spec.name(), value == null ? "" : ((String) value).strip());
            }
        }
        int id = fields.get("SK_ID_CURR") instanceof Number n ? n.intValue() : 0;
        return new Application(id, OptionalInt.empty(), numbers, texts);
    }

    public int clientId() {
        return clientId;
    }

    /** 1 when the client defaulted, 0 when they repaid; empty for a client without a known outcome. */
    public OptionalInt outcome() {
        return outcome;
    }

    /** A numeric application column's value, NaN when missing. */
    public double number(String column) {
        Double value = numbers.get(column);
        if (value == null) {
            throw new IllegalArgumentException(column + " is not a numeric application column");
        }
        return value;
    }

    /** A text application column's value, empty when missing. */
    public Optional<String> text(String column) {
        String value = texts.get(column);
        if (value == null) {
            throw new IllegalArgumentException(column + " is not a text application column");
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public boolean isNumber(String column) {
        return numbers.containsKey(column);
    }

    public Set<String> numberColumns() {
        return numbers.keySet();
    }

    public Set<String> textColumns() {
        return texts.keySet();
    }

    /**
     * The application with some values changed (a what-if): numbers into numeric columns (NaN
     * for missing), text into text columns (empty for missing). A column that is not an
     * application column, or a value of the wrong kind, is refused.
     */
    public Application with(Map<String, ?> edits) {
        Map<String, Double> n = new LinkedHashMap<>(numbers);
        Map<String, String> t = new LinkedHashMap<>(texts);
        for (Map.Entry<String, ?> edit : edits.entrySet()) {
            String column = edit.getKey();
            if (edit.getValue() instanceof String text) {
                if (!t.containsKey(column)) {
                    throw new IllegalArgumentException(column + " is not a text application column");
                }
                t.put(column, text.strip());
            } else if (edit.getValue() instanceof Number number) {
                if (!n.containsKey(column)) {
                    throw new IllegalArgumentException(column + " is not a numeric application column");
                }
                n.put(column, number.doubleValue());
            } else {
                throw new IllegalArgumentException(column + ": a number or a text, not " + edit.getValue());
            }
        }
        return new Application(clientId, outcome, n, t);
    }

    /** Several applications as the feature pipeline reads them, one row each, in list order. */
    static ApplicationRows rows(java.util.List<Application> applications) {
        return new ApplicationRows() {
            @Override
            public int[] clientIds() {
                return applications.stream().mapToInt(Application::clientId).toArray();
            }

            @Override
            public double[] numbers(String column) {
                return applications.stream().mapToDouble(a -> a.number(column)).toArray();
            }

            @Override
            public String[] texts(String column) {
                return applications.stream().map(a -> a.text(column).orElse("")).toArray(String[]::new);
            }
        };
    }

    /** The one application as the feature pipeline reads it. */
    ApplicationRows rows() {
        return new ApplicationRows() {
            @Override
            public int[] clientIds() {
                return new int[] {clientId};
            }

            @Override
            public double[] numbers(String column) {
                return new double[] {number(column)};
            }

            @Override
            public String[] texts(String column) {
                return new String[] {text(column).orElse("")};
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Application other)) {
            return false;
        }
        return clientId == other.clientId && outcome.equals(other.outcome) && numbers.equals(other.numbers) && texts.equals(other.texts);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(clientId, numbers, texts);
    }

    @Override
    public String toString() {
        return "Application " + clientId;
    }
}
