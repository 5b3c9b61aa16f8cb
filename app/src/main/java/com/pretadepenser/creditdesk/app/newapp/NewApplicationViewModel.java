package com.pretadepenser.creditdesk.app.newapp;

import com.pretadepenser.creditdesk.app.form.ChoiceField;
import com.pretadepenser.creditdesk.app.client.LoadedClient;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.shell.Shell;
import com.pretadepenser.creditdesk.app.form.EditableField;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import com.pretadepenser.creditdesk.engine.scoring.Application;
import com.pretadepenser.creditdesk.engine.scoring.ApplicationForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A new application that is not in the dataset, entered field by field in human units and
 * validated as it is typed: each field says what is wrong with it; a valid form scores through
 * the same path as a dataset client, with no credit history.
 */
public final class NewApplicationViewModel {
    /** The id a new application is scored under: none in a Home Credit dataset, so it has no history. */
    public static final int NEW_CLIENT_ID = 0;

    private final Shell main;
    private final I18n i18n;
    private final List<EditableField> numbers = List.of(
            new EditableField("DAYS_BIRTH", "field.age", EditableField.Kind.AGE, true),
            new EditableField("CNT_CHILDREN", "field.children", EditableField.Kind.COUNT, false),
            new EditableField("CNT_FAM_MEMBERS", "field.family", EditableField.Kind.COUNT, false),
            new EditableField("AMT_INCOME_TOTAL", "field.income", EditableField.Kind.AMOUNT, true),
            new EditableField("DAYS_EMPLOYED", "field.yearsEmployed", EditableField.Kind.YEARS, false),
            new EditableField("AMT_CREDIT", "field.credit", EditableField.Kind.AMOUNT, true),
            new EditableField("AMT_ANNUITY", "field.annuity", EditableField.Kind.AMOUNT, true),
            new EditableField("AMT_GOODS_PRICE", "field.goods", EditableField.Kind.AMOUNT, false),
            new EditableField("EXT_SOURCE_1", "field.ext1", EditableField.Kind.SCORE, false),
            new EditableField("EXT_SOURCE_2", "field.ext2", EditableField.Kind.SCORE, false),
            new EditableField("EXT_SOURCE_3", "field.ext3", EditableField.Kind.SCORE, false));
    private final ObservableList<ChoiceField> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LoadedClient> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");

    public NewApplicationViewModel(Shell main) {
        this.main = main;
        this.i18n = main.i18n();
        main.workspaceProperty().addListener((obs, old, now) -> fillChoices(now));
        for (EditableField field : numbers) {
            field.textProperty().addListener((obs, old, now) -> field.raw(i18n));
        }
        fillChoices(main.workspaceProperty().get());
    }

    private void fillChoices(Workspace workspace) {
        if (workspace == null) {
            choices.clear();
            return;
        }
        FeatureSchema schema = workspace.card().details().featureSchema();
        List<ChoiceField> fields = new ArrayList<>();
        fields.add(ChoiceField.of(schema, "CODE_GENDER", "field.gender", true));
        fields.add(ChoiceField.of(schema, "NAME_FAMILY_STATUS", "field.familyStatus", false));
        fields.add(ChoiceField.of(schema, "NAME_INCOME_TYPE", "field.incomeType", true));
        fields.add(ChoiceField.of(schema, "NAME_CONTRACT_TYPE", "field.contractType", true));
        fields.add(ChoiceField.of(schema, "NAME_EDUCATION_TYPE", "field.education", false));
        fields.add(ChoiceField.of(schema, "NAME_HOUSING_TYPE", "field.housing", false));
        choices.setAll(fields);
    }

    public List<EditableField> numbers() {
        return numbers;
    }

    public ObservableList<ChoiceField> choices() {
        return choices;
    }

    /** Checks every field; on success scores the application and returns true. */
    public boolean score() {
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean[] valid = {true};
        for (EditableField field : numbers) {
            OptionalDouble raw = field.raw(i18n);
            if (raw.isEmpty()) {
                valid[0] = false;
            } else if (!Double.isNaN(raw.getAsDouble())) {
                fields.put(field.column(), raw.getAsDouble());
            }
        }
        for (ChoiceField field : choices) {
            field.checked(i18n, valid).ifPresent(level -> fields.put(field.column(), level));
        }
        if (!valid[0]) {
            formError.set(i18n.get("newapp.invalid"));
            return false;
        }
        Object children = fields.get("CNT_CHILDREN");
        Object family = fields.get("CNT_FAM_MEMBERS");
        if (children instanceof Double c && family instanceof Double f && f < c + 1) {
            formError.set(i18n.get("newapp.familyTooSmall"));
            return false;
        }
        List<ApplicationForm.FieldError> errors = ApplicationForm.validate(fields);
        if (!errors.isEmpty()) {
            formError.set(String.join("; ", errors.stream().map(e -> label(e.field()) + ": " + e.message(i18n.locale())).toList()));
            return false;
        }
        fields.put("SK_ID_CURR", NEW_CLIENT_ID);
        Application application = ApplicationForm.toApplication(fields);
        formError.set("");
        main.run(main.rescore(NEW_CLIENT_ID, application).onSuccess(result::set));
        return true;
    }

    private String label(String column) {
        return numbers.stream().filter(f -> f.column().equals(column)).findFirst().map(f -> i18n.get(f.labelKey()))
                .or(() -> choices.stream().filter(f -> f.column().equals(column)).findFirst().map(f -> i18n.get(f.labelKey())))
                .orElse(column);
    }

    public void clear() {
        numbers.forEach(f -> f.show(Double.NaN, i18n));
        choices.forEach(c -> c.valueProperty().set(null));
        result.set(null);
        formError.set("");
    }

    public ReadOnlyObjectProperty<LoadedClient> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }
}
