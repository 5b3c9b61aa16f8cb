package com.pretadepenser.creditdesk.app.form;

import com.pretadepenser.creditdesk.app.common.I18n;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A categorical application field: one of the levels the model knows, required or not. */
public final class ChoiceField {
    private final String column;
    private final String labelKey;
    private final boolean required;
    private final ObservableList<String> options = FXCollections.observableArrayList();
    private final ObjectProperty<String> value = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public ChoiceField(String column, String labelKey, boolean required, List<String> levels) {
        this.column = column;
        this.labelKey = labelKey;
        this.required = required;
        this.options.setAll(levels);
    }

    /** A choice among the levels the model learned for an application column (the data's placeholder XNA left out). */
    public static ChoiceField of(com.pretadepenser.creditdesk.engine.features.FeatureSchema schema, String column, String labelKey,
                                 boolean required) {
        List<String> levels = schema.levels(com.pretadepenser.creditdesk.engine.data.HomeCreditTable.APPLICATION_TRAIN, column).stream()
                .filter(level -> !level.equals("XNA")).toList();
        return new ChoiceField(column, labelKey, required, levels);
    }

    public String column() {
        return column;
    }

    public String labelKey() {
        return labelKey;
    }

    public ObservableList<String> options() {
        return options;
    }

    public ObjectProperty<String> valueProperty() {
        return value;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The chosen level; empty with the error set when a required choice is missing. */
    public Optional<String> checked(I18n i18n, boolean[] valid) {
        if (value.get() == null || value.get().isBlank()) {
            if (required) {
                error.set(i18n.get("field.choose"));
                valid[0] = false;
            } else {
                error.set("");
            }
            return Optional.empty();
        }
        error.set("");
        return Optional.of(value.get());
    }
}
