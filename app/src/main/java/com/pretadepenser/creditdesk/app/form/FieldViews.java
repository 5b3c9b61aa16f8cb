package com.pretadepenser.creditdesk.app.form;

import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.engine.explain.Levels;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** The controls for form fields, shared by the what-if and new-application views. */
public final class FieldViews {
    private FieldViews() {
    }

    /** A choice box over the field's levels, shown in the user's language (F/M as Female/Male). */
    public static ComboBox<String> choiceBox(ChoiceField field, I18n i18n) {
        ComboBox<String> box = new ComboBox<>(field.options());
        box.setId("choice-" + field.column());
        box.setPrefWidth(260);
        box.valueProperty().bindBidirectional(field.valueProperty());
        box.setConverter(converter(field, i18n));
        box.setCellFactory(list -> cell(field, i18n));
        box.setButtonCell(cell(field, i18n));
        // new cells make the box show its value in the new language (a new converter alone did not)
        i18n.localeProperty().addListener((obs, old, now) -> {
            box.setConverter(converter(field, i18n));
            box.setButtonCell(cell(field, i18n));
        });
        return box;
    }

    private static javafx.scene.control.ListCell<String> cell(ChoiceField field, I18n i18n) {
        StringConverter<String> show = converter(field, i18n);
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String level, boolean empty) {
                super.updateItem(level, empty);
                setText(empty || level == null ? "" : show.toString(level));
            }
        };
    }

    private static StringConverter<String> converter(ChoiceField field, I18n i18n) {
        return new StringConverter<>() {
            @Override
            public String toString(String level) {
                if (level == null) {
                    return "";
                }
                if (field.column().equals("CODE_GENDER") && (level.equals("F") || level.equals("M"))) {
                    return i18n.get(level.equals("F") ? "card.gender.f" : "card.gender.m");
                }
                return Levels.label(level, i18n.locale());
            }

            @Override
            public String fromString(String text) {
                return field.options().stream().filter(o -> toString(o).equals(text)).findFirst().orElse(null);
            }
        };
    }
}
