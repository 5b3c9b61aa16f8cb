package com.pretadepenser.creditdesk.app.newapp;

import com.pretadepenser.creditdesk.app.form.ChoiceField;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.ViewContext;
import com.pretadepenser.creditdesk.app.decision.DecisionView;
import com.pretadepenser.creditdesk.app.decision.DecisionViewModel;
import com.pretadepenser.creditdesk.app.theme.Styles;
import com.pretadepenser.creditdesk.app.form.EditableField;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The new-application tab: the form with inline messages on the left, the score and reasons on the right. */
public final class NewApplicationView extends HBox {
    private final GridPane choices = new GridPane();
    private final NewApplicationViewModel model;
    private final I18n i18n;

    public NewApplicationView(NewApplicationViewModel model, DecisionViewModel decision, ViewContext context) {
        this(model, decision, context, null);
    }

    /** With {@code below} (the decision's recording) under the reasons; null for none. */
    public NewApplicationView(NewApplicationViewModel model, DecisionViewModel decision, ViewContext context, javafx.scene.Node below) {
        this.model = model;
        this.i18n = context.i18n();
        setSpacing(12);
        setPadding(new Insets(12));
        GridPane numbers = new GridPane();
        numbers.setHgap(8);
        numbers.setVgap(2);
        int row = 0;
        for (EditableField field : model.numbers()) {
            TextField input = new TextField();
            input.setId("new-" + field.column());
            input.setPrefColumnCount(10);
            input.textProperty().bindBidirectional(field.textProperty());
            row = addRow(numbers, row, field.labelKey(), input, field.errorProperty());
            field.errorProperty().addListener((obs, old, now) -> {
                input.getStyleClass().remove("cd-invalid");
                if (!now.isEmpty()) {
                    input.getStyleClass().add("cd-invalid");
                }
            });
        }
        choices.setHgap(8);
        choices.setVgap(2);
        model.choices().addListener((ListChangeListener<ChoiceField>) c -> fillChoices());
        i18n.localeProperty().addListener((obs, old, now) -> fillChoices());
        fillChoices();

        Button score = new Button();
        score.setId("scoreNew");
        score.setDefaultButton(true);
        score.textProperty().bind(i18n.text("newapp.score"));
        score.setOnAction(e -> model.score());
        Button clear = new Button();
        clear.setId("clearNew");
        clear.textProperty().bind(i18n.text("newapp.clear"));
        clear.setOnAction(e -> model.clear());
        Label formError = new Label();
        formError.setId("newFormError");
        formError.setWrapText(true);
        formError.getStyleClass().add(Styles.ERROR);
        formError.textProperty().bind(model.formErrorProperty());
        Label title = new Label();
        title.getStyleClass().add(Styles.SUBTITLE);
        title.textProperty().bind(i18n.text("newapp.title"));
        Label hint = new Label();
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        hint.textProperty().bind(i18n.text("newapp.hint"));
        HBox forms = new HBox(16, numbers, choices);
        VBox left = new VBox(8, title, hint, forms, new HBox(8, score, clear), formError);
        left.getStyleClass().add(Styles.PANEL);
        ScrollPane scroll = new ScrollPane(left);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(720);
        scroll.setMinWidth(560);

        org.jfree.chart.fx.ChartViewer waterfall = new org.jfree.chart.fx.ChartViewer(null);
        waterfall.setId("newWaterfall");
        waterfall.setPrefHeight(380);
        waterfall.setMinHeight(320);
        Runnable redraw = () -> com.pretadepenser.creditdesk.app.charts.ChartStyle.show(waterfall, decision.waterfallProperty().get() == null ? null
                : com.pretadepenser.creditdesk.app.decision.WaterfallChart.create(decision.waterfallProperty().get(),
                        decision.thresholdProperty().get(), i18n, context.theme().get()));
        decision.waterfallProperty().addListener((obs, old, now) -> redraw.run());
        context.theme().addListener((obs, old, now) -> redraw.run());
        VBox chart = new VBox(6, waterfall);
        chart.getStyleClass().add(Styles.PANEL);
        VBox right = new VBox(10, DecisionView.scorePanel(decision, context, "new"), DecisionView.reasons(decision, i18n, "new"), chart);
        if (below != null) {
            below.visibleProperty().bind(model.resultProperty().isNotNull());
            below.managedProperty().bind(below.visibleProperty());
            right.getChildren().add(2, below);
        }
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.visibleProperty().bind(model.resultProperty().isNotNull());
        HBox.setHgrow(rightScroll, Priority.ALWAYS);
        getChildren().addAll(scroll, rightScroll);
    }

    private int addRow(GridPane grid, int row, String labelKey, javafx.scene.control.Control input,
                       javafx.beans.value.ObservableValue<String> error) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(labelKey));
        label.setLabelFor(input);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label message = new Label();
        message.getStyleClass().add(Styles.FIELD_ERROR);
        message.textProperty().bind(error);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.setWrapText(true);
        message.setMaxWidth(260);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(label, 0, row);
        grid.add(input, 1, row++);
        grid.add(message, 0, row++, 2, 1);
        return row;
    }

    private void fillChoices() {
        choices.getChildren().clear();
        int row = 0;
        for (ChoiceField field : model.choices()) {
            ComboBox<String> box = com.pretadepenser.creditdesk.app.form.FieldViews.choiceBox(field, i18n);
            box.setId("new-" + field.column());
            row = addRow(choices, row, field.labelKey(), box, field.errorProperty());
        }
    }
}
