package com.pretadepenser.creditdesk.app.record;

import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Record the decision": confirm the model's or override it, the reason (checked as it is typed),
 * the Record button (Alt+R), what was recorded, and this client's earlier records.
 */
public final class RecordPanel extends VBox {
    public RecordPanel(RecordViewModel model, String idPrefix) {
        I18n i18n = model.i18n();
        setSpacing(6);
        getStyleClass().add(Styles.PANEL);
        setId(idPrefix + "recordPanel");
        Label title = new Label();
        title.getStyleClass().add(Styles.SECTION);
        title.textProperty().bind(i18n.text("record.title"));

        ToggleGroup choice = new ToggleGroup();
        RadioButton confirm = new RadioButton();
        confirm.setId(idPrefix + "recordConfirm");
        RadioButton override = new RadioButton();
        override.setId(idPrefix + "recordOverride");
        confirm.setToggleGroup(choice);
        override.setToggleGroup(choice);
        confirm.setSelected(true);
        confirm.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("record.confirm", model.label(model.modelDecision())),
                model.client(), i18n.localeProperty()));
        override.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("record.override", model.label(model.overrideDecision())),
                model.client(), i18n.localeProperty()));
        override.selectedProperty().addListener((obs, old, now) -> model.overrideProperty().set(now));
        model.overrideProperty().addListener((obs, old, now) -> (now ? override : confirm).setSelected(true));

        TextArea reason = new TextArea();
        reason.setId(idPrefix + "recordReason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.promptTextProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("record.reasonPrompt", com.pretadepenser.creditdesk.engine.decisions.DecisionRecord.MIN_REASON_LENGTH), i18n.localeProperty()));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        reason.disableProperty().bind(model.overrideProperty().not());
        reason.visibleProperty().bind(model.overrideProperty());
        reason.managedProperty().bind(reason.visibleProperty());
        Label validation = new Label();
        validation.setId(idPrefix + "recordValidation");
        validation.getStyleClass().add(Styles.MUTED);
        validation.textProperty().bind(model.validationProperty());
        validation.visibleProperty().bind(model.validationProperty().isNotEmpty());
        validation.managedProperty().bind(validation.visibleProperty());

        Button record = new Button();
        record.setId(idPrefix + "recordButton");
        record.setMnemonicParsing(true);
        record.textProperty().bind(i18n.text("record.button"));
        record.disableProperty().bind(model.canRecordProperty().not());
        record.setOnAction(e -> model.record());
        record.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label outcome = new Label();
        outcome.setId(idPrefix + "recordOutcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.outcomeProperty());
        Label history = new Label();
        history.setId(idPrefix + "recordHistory");
        history.getStyleClass().add(Styles.MUTED);
        history.setWrapText(true);
        history.textProperty().bind(model.historyProperty());
        // Never cut to "REF..." (the French labels are long): the second choice goes under the first.
        confirm.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        override.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane choices = new javafx.scene.layout.FlowPane(14, 6, confirm, override);
        getChildren().addAll(title, choices, reason, validation, new HBox(10, record, outcome), history);
    }
}
