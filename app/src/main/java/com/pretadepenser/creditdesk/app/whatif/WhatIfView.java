package com.pretadepenser.creditdesk.app.whatif;

import com.pretadepenser.creditdesk.app.form.EditableField;
import com.pretadepenser.creditdesk.app.charts.ChartStyle;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.ViewContext;
import com.pretadepenser.creditdesk.app.decision.DecisionView;
import com.pretadepenser.creditdesk.app.decision.DecisionViewModel;
import com.pretadepenser.creditdesk.app.decision.GaugeView;
import com.pretadepenser.creditdesk.app.decision.WaterfallChart;
import com.pretadepenser.creditdesk.app.theme.Styles;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/** The what-if tab: editable fields on the left; the live gauge, decision, suggestion and waterfall on the right. */
public final class WhatIfView extends HBox {
    private final ChartViewer waterfall = new ChartViewer(null);
    private final DecisionViewModel decision;
    private final ViewContext context;

    public WhatIfView(WhatIfViewModel model, DecisionViewModel decision, ViewContext context) {
        this.decision = decision;
        this.context = context;
        I18n i18n = context.i18n();
        setSpacing(12);
        setPadding(new Insets(12));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(2);
        int row = 0;
        for (EditableField field : model.fields()) {
            Label label = new Label();
            label.textProperty().bind(i18n.text(field.labelKey()));
            TextField input = new TextField();
            input.setId("whatif-" + field.column());
            input.setPrefColumnCount(10);
            input.textProperty().bindBidirectional(field.textProperty());
            label.setLabelFor(input);
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label error = new Label();
            error.getStyleClass().add(Styles.FIELD_ERROR);
            error.textProperty().bind(field.errorProperty());
            error.managedProperty().bind(error.textProperty().isNotEmpty());
            field.errorProperty().addListener((obs, old, now) -> {
                input.getStyleClass().remove("cd-invalid");
                if (!now.isEmpty()) {
                    input.getStyleClass().add("cd-invalid");
                }
            });
            error.setWrapText(true);
            error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            form.add(label, 0, row);
            form.add(input, 1, row++);
            form.add(error, 0, row++, 2, 1);
        }
        GridPane choicesForm = new GridPane();
        choicesForm.setHgap(8);
        choicesForm.setVgap(6);
        int choiceRow = 0;
        for (com.pretadepenser.creditdesk.app.form.ChoiceField choice : model.choices()) {
            Label label = new Label();
            label.textProperty().bind(i18n.text(choice.labelKey()));
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.control.ComboBox<String> box = com.pretadepenser.creditdesk.app.form.FieldViews.choiceBox(choice, i18n);
            box.setId("whatif-" + choice.column());
            box.setPrefWidth(230);
            label.setLabelFor(box);
            choicesForm.add(label, 0, choiceRow);
            choicesForm.add(box, 1, choiceRow++);
        }
        Button reset = new Button();
        reset.setId("whatifReset");
        reset.textProperty().bind(i18n.text("whatif.reset"));
        reset.setOnAction(e -> model.reset());
        reset.disableProperty().bind(model.changedProperty().not());
        Label hint = new Label();
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        hint.textProperty().bind(i18n.text("whatif.hint"));
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox fieldsPanel = new VBox(8, DecisionView.title(i18n.text("whatif.title")), hint, new HBox(16, form, choicesForm), reset);
        fieldsPanel.getStyleClass().add(Styles.PANEL);

        GaugeView gauge = new GaugeView();
        gauge.setId("whatifGauge");
        gauge.probabilityProperty().bind(decision.probabilityProperty());
        gauge.thresholdProperty().bind(decision.thresholdProperty());
        gauge.themeProperty().bind(context.theme());
        Label probability = new Label();
        probability.setId("whatifProbability");
        probability.getStyleClass().add(Styles.BIG_NUMBER);
        probability.textProperty().bind(decision.probabilityTextProperty());
        Label verdict = new Label();
        verdict.setId("whatifDecision");
        verdict.getStyleClass().add(Styles.DECISION);
        verdict.textProperty().bind(decision.decisionTextProperty());
        javafx.beans.value.ChangeListener<Decision> colour = (obs, old, now) -> {
            verdict.getStyleClass().removeAll(Styles.GRANTED, Styles.REFUSED);
            if (now != null) {
                verdict.getStyleClass().add(now == Decision.GRANTED ? Styles.GRANTED : Styles.REFUSED);
            }
        };
        decision.decisionProperty().addListener(colour);
        colour.changed(null, null, decision.decisionProperty().get());
        Label comparison = new Label();
        comparison.setId("whatifComparison");
        comparison.textProperty().bind(model.comparisonProperty());
        Label suggestion = new Label();
        suggestion.setId("suggestion");
        suggestion.setWrapText(true);
        suggestion.getStyleClass().add(Styles.SUGGESTION);
        suggestion.textProperty().bind(model.suggestionProperty());
        suggestion.setMaxWidth(Double.MAX_VALUE);
        VBox choices = new VBox(4);
        choices.setId("suggestions");
        Runnable listSuggestions = () -> {
            choices.getChildren().clear();
            for (int i = 0; i < model.suggestions().size(); i++) {
                choices.getChildren().add(suggestionRow(model, i, i18n));
            }
        };
        model.suggestions().addListener((javafx.collections.ListChangeListener<WhatIfViewModel.Suggestion>) change -> listSuggestions.run());
        listSuggestions.run();
        HBox headline = new HBox(14, probability, verdict);
        headline.setAlignment(Pos.CENTER_LEFT);
        suggestion.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox score = new VBox(6, gauge, headline, comparison, suggestion, choices);
        score.getStyleClass().add(Styles.PANEL);
        fieldsPanel.setPrefWidth(660);
        fieldsPanel.setMinWidth(600);
        HBox top = new HBox(12, fieldsPanel, score);
        HBox.setHgrow(score, Priority.ALWAYS);

        waterfall.setId("whatifWaterfall");
        VBox chart = new VBox(6, DecisionView.title(i18n.text("waterfall.title")), waterfall);
        VBox.setVgrow(waterfall, Priority.ALWAYS);
        chart.getStyleClass().add(Styles.PANEL);
        VBox.setVgrow(chart, Priority.ALWAYS);
        waterfall.setMinHeight(300);
        VBox all = new VBox(12, top, chart);
        HBox.setHgrow(all, Priority.ALWAYS);
        getChildren().add(all);
        decision.waterfallProperty().addListener((obs, old, now) -> redraw());
        context.theme().addListener((obs, old, now) -> redraw());
        redraw();
    }

    /** One suggestion: its sentence and the button that puts its values into the fields (ids applySuggestion0, 1, 2). */
    private static HBox suggestionRow(WhatIfViewModel model, int index, I18n i18n) {
        WhatIfViewModel.Suggestion suggestion = model.suggestions().get(index);
        Label text = new Label((index + 1) + ". " + suggestion.text());
        text.setId("suggestion" + index);
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        if (suggestion.longerTerm()) {
            text.getStyleClass().add(Styles.MUTED);
        }
        Button apply = new Button();
        apply.setId("applySuggestion" + index);
        apply.textProperty().bind(i18n.text("whatif.apply"));
        apply.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        apply.setOnAction(e -> model.applySuggestion(index));
        HBox row = new HBox(8, text, apply);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        return row;
    }

    private void redraw() {
        var now = decision.waterfallProperty().get();
        ChartStyle.show(waterfall, now == null ? null : WaterfallChart.create(now, decision.thresholdProperty().get(), context.i18n(), context.theme().get()));
    }
}
