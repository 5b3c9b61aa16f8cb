package com.pretadepenser.creditdesk.app.modelcard;

import com.pretadepenser.creditdesk.app.charts.ChartStyle;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.Numbers;
import com.pretadepenser.creditdesk.app.common.ViewContext;
import com.pretadepenser.creditdesk.app.theme.Styles;
import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/** The model page: metrics, confusion matrix, ROC, cost and calibration curves, training data, intended use and limits. */
public final class ModelCardView extends ScrollPane {
    private final ModelCardViewModel model;
    private final ViewContext context;
    private final GridPane metrics = grid();
    private final GridPane confusion = grid();
    private final GridPane training = grid();
    private final VBox usage = new VBox(4);
    private final ChartViewer roc = new ChartViewer(null);
    private final ChartViewer cost = new ChartViewer(null);
    private final ChartViewer calibration = new ChartViewer(null);
    private final GridPane fairness = grid();
    private final ChartViewer fairnessChart = new ChartViewer(null);

    public ModelCardView(ModelCardViewModel model, ViewContext context) {
        this.model = model;
        this.context = context;
        I18n i18n = context.i18n();
        setId("modelPage");
        Label heading = new Label();
        heading.setId("modelHeading");
        heading.getStyleClass().add(Styles.TITLE);
        heading.textProperty().bind(model.headingProperty());
        roc.setId("roc");
        cost.setId("costCurve");
        calibration.setId("calibration");
        for (ChartViewer chart : new ChartViewer[] {roc, cost, calibration}) {
            chart.setPrefSize(380, 300);
            chart.setMinHeight(260);
            HBox.setHgrow(chart, Priority.ALWAYS);
        }
        HBox numbers = new HBox(12, panel(i18n.text("model.metrics"), metrics), panel(i18n.text("model.confusion"), confusion),
                panel(i18n.text("model.data"), training));
        HBox charts = new HBox(12, roc, cost, calibration);
        charts.getStyleClass().add(Styles.PANEL);
        usage.setId("modelUsage");
        fairness.setId("modelFairness");
        fairnessChart.setId("fairnessChart");
        fairnessChart.setPrefSize(480, 300);
        fairnessChart.setMinHeight(260);
        fairnessChart.managedProperty().bind(fairnessChart.visibleProperty());
        HBox.setHgrow(fairnessChart, Priority.ALWAYS);
        Label fairnessNote = new Label();
        fairnessNote.setWrapText(true);
        fairnessNote.getStyleClass().add(Styles.MUTED);
        fairnessNote.textProperty().bind(model.fairnessNoteProperty());
        VBox fairnessTable = new VBox(6, fairness, fairnessNote);
        fairnessTable.setMaxWidth(760);
        HBox fairnessBody = new HBox(12, fairnessTable, fairnessChart);
        VBox content = new VBox(12, heading, numbers, charts, panel(i18n.text("model.fairness"), fairnessBody),
                panel(i18n.text("model.usage"), usage));
        content.setPadding(new Insets(12));
        setContent(content);
        setFitToWidth(true);
        model.metrics().addListener((ListChangeListener<ModelCardViewModel.Entry>) c -> refresh());
        model.usage().addListener((ListChangeListener<String>) c -> refresh());
        model.training().addListener((ListChangeListener<ModelCardViewModel.Entry>) c -> refresh());
        model.fairness().addListener((ListChangeListener<ModelCardViewModel.FairnessRow>) c -> refresh());
        context.theme().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(3);
        return grid;
    }

    private static VBox panel(javafx.beans.value.ObservableValue<String> title, javafx.scene.Node body) {
        Label label = new Label();
        label.getStyleClass().add(Styles.SUBTITLE);
        label.textProperty().bind(title);
        VBox box = new VBox(6, label, body);
        box.getStyleClass().add(Styles.PANEL);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private void refresh() {
        I18n i18n = context.i18n();
        fill(metrics, model.metrics());
        fill(training, model.training());
        usage.getChildren().setAll(model.usage().stream().map(line -> {
            Label l = new Label(line);
            l.setWrapText(true);
            return l;
        }).toList());
        fillFairness();
        ModelCard card = model.card().getValue();
        confusion.getChildren().clear();
        if (card == null) {
            ChartStyle.show(roc, null);
            ChartStyle.show(cost, null);
            ChartStyle.show(calibration, null);
            return;
        }
        Metrics.Confusion c = card.evaluation().metrics().confusion();
        confusion.add(header(""), 0, 0);
        confusion.add(header(i18n.get("model.confusion.refused")), 1, 0);
        confusion.add(header(i18n.get("model.confusion.granted")), 2, 0);
        confusion.add(header(i18n.get("model.confusion.defaulters")), 0, 1);
        confusion.add(cell(c.truePositives()), 1, 1);
        confusion.add(cell(c.falseNegatives()), 2, 1);
        confusion.add(header(i18n.get("model.confusion.repayers")), 0, 2);
        confusion.add(cell(c.falsePositives()), 1, 2);
        confusion.add(cell(c.trueNegatives()), 2, 2);
        Label note = new Label(i18n.get("model.confusion.note", Numbers.format(card.evaluation().costs().falseNegative() / card.evaluation().costs().falsePositive(), 1, i18n.locale())));
        note.setWrapText(true);
        note.setMaxWidth(300);
        note.getStyleClass().add(Styles.MUTED);
        confusion.add(note, 0, 3, 3, 1);
        ChartStyle.show(roc, ModelCharts.roc(card, i18n, context.theme().get()));
        ChartStyle.show(cost, ModelCharts.cost(card, i18n, context.theme().get()));
        ChartStyle.show(calibration, ModelCharts.calibration(card, i18n, context.theme().get()));
        ChartStyle.show(fairnessChart, model.fairness().isEmpty() ? null : ModelCharts.fairness(model.fairness(), i18n, context.theme().get()));
    }

    private void fillFairness() {
        I18n i18n = context.i18n();
        fairness.getChildren().clear();
        if (model.fairness().isEmpty()) {
            return;
        }
        String[] heads = {"group", "clients", "approval", "default", "fpr", "fnr", "auc", "impact"};
        for (int c = 0; c < heads.length; c++) {
            fairness.add(header(i18n.get("model.fairness.col." + heads[c])), c + 1, 0);
        }
        int row = 1;
        String attribute = null;
        for (ModelCardViewModel.FairnessRow r : model.fairness()) {
            if (!r.attribute().equals(attribute)) {
                attribute = r.attribute();
                Label name = header(attribute);
                name.getStyleClass().add(Styles.SUBTITLE);
                fairness.add(name, 0, row);
            }
            String[] values = {r.group(), r.clients(), r.approval(), r.defaultRate(), r.falsePositives(), r.falseNegatives(), r.auc(),
                    r.impactText()};
            for (int c = 0; c < values.length; c++) {
                Label value = new Label(values[c]);
                value.getStyleClass().add(Styles.FACT_VALUE);
                if (c == values.length - 1 && r.belowFourFifths()) {
                    value.setStyle("-fx-text-fill: -cd-vermilion;");
                }
                fairness.add(value, c + 1, row);
            }
            row++;
        }
    }

    private Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.FACT_LABEL);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private Label cell(long count) {
        Label label = new Label(Numbers.format(count, 0, context.i18n().locale()));
        label.getStyleClass().addAll(Styles.FACT_VALUE);
        label.setMinWidth(90);
        label.setAlignment(Pos.CENTER);
        label.setStyle("-fx-padding: 8; -fx-border-color: -cd-border; -fx-font-size: 16px;");
        return label;
    }

    private static void fill(GridPane grid, java.util.List<ModelCardViewModel.Entry> entries) {
        grid.getChildren().clear();
        int row = 0;
        for (ModelCardViewModel.Entry e : entries) {
            Label label = new Label(e.label());
            label.getStyleClass().add(Styles.FACT_LABEL);
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(e.value());
            value.getStyleClass().add(Styles.FACT_VALUE);
            value.setWrapText(true);
            value.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(label, 0, row);
            grid.add(value, 1, row++);
        }
    }
}
