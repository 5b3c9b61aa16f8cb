package com.pretadepenser.creditdesk.app.decision;

import com.pretadepenser.creditdesk.app.charts.ChartStyle;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.ViewContext;
import com.pretadepenser.creditdesk.app.theme.Styles;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/** The decision tab: gauge, decision and margin, the reasons in sentences, the waterfall, global importance. */
public final class DecisionView extends HBox {
    private final DecisionViewModel model;
    private final ViewContext context;
    private final ChartViewer waterfall = new ChartViewer(null);
    private final ChartViewer importance = new ChartViewer(null);
    /** The importance chart is drawn when shown: behind its button it took a tenth of the FX thread's start. */
    private boolean importanceStale = true;

    public DecisionView(DecisionViewModel model, ViewContext context) {
        this(model, context, null);
    }

    /** With {@code below} (the decision's recording) under the score; null for none. */
    public DecisionView(DecisionViewModel model, ViewContext context, javafx.scene.Node below) {
        this.model = model;
        this.context = context;
        I18n i18n = context.i18n();
        setSpacing(12);
        setPadding(new Insets(12));

        VBox left = new VBox(10, scorePanel(model, context), reasons(model, i18n));
        if (below != null) {
            // under the decision it records, in sight without scrolling; the reasons follow
            left.getChildren().add(1, below);
        }
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(400);
        leftScroll.setPrefWidth(440);
        leftScroll.getStyleClass().add("edge-to-edge");

        ToggleGroup modes = new ToggleGroup();
        ToggleButton families = new ToggleButton();
        families.textProperty().bind(i18n.text("waterfall.byFamily"));
        families.setId("byFamily");
        ToggleButton features = new ToggleButton();
        features.textProperty().bind(i18n.text("waterfall.byFeature"));
        features.setId("byFeature");
        ToggleButton overall = new ToggleButton();
        overall.textProperty().bind(i18n.text("importance.button"));
        overall.setId("overall");
        families.setToggleGroup(modes);
        features.setToggleGroup(modes);
        overall.setToggleGroup(modes);
        families.setSelected(true);
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else if (now != overall) {
                model.modeProperty().set(now == features ? Waterfall.Mode.FEATURES : Waterfall.Mode.FAMILIES);
            }
        });
        Label chartTitle = title(javafx.beans.binding.Bindings.when(overall.selectedProperty())
                .then(i18n.text("importance.title")).otherwise(i18n.text("waterfall.title")));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (ToggleButton button : new ToggleButton[] {families, features, overall}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox waterfallHeader = new HBox(10, chartTitle, spacer, families, features, overall);
        waterfallHeader.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        waterfall.setId("waterfall");
        importance.setId("importance");
        waterfall.visibleProperty().bind(overall.selectedProperty().not());
        importance.visibleProperty().bind(overall.selectedProperty());
        importance.visibleProperty().addListener((obs, old, now) -> {
            if (now && importanceStale) {
                redrawImportance();
            }
        });
        javafx.scene.layout.StackPane charts = new javafx.scene.layout.StackPane(waterfall, importance);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox right = new VBox(8, waterfallHeader, charts);
        right.getStyleClass().add(Styles.PANEL);
        HBox.setHgrow(right, Priority.ALWAYS);

        getChildren().addAll(leftScroll, right);
        model.waterfallProperty().addListener((obs, old, now) -> redrawWaterfall());
        model.importance().addListener((javafx.collections.ListChangeListener<DecisionViewModel.Importance>) c -> redrawImportance());
        context.theme().addListener((obs, old, now) -> {
            redrawWaterfall();
            redrawImportance();
        });
        redrawWaterfall();
        redrawImportance();
    }

    public static VBox scorePanel(DecisionViewModel model, ViewContext context) {
        return scorePanel(model, context, "");
    }

    /** The gauge, probability, decision and margin; {@code idPrefix} keeps node ids unique when shown twice. */
    public static VBox scorePanel(DecisionViewModel model, ViewContext context, String idPrefix) {
        GaugeView gauge = new GaugeView();
        gauge.setId(id(idPrefix, "gauge"));
        gauge.probabilityProperty().bind(model.probabilityProperty());
        gauge.thresholdProperty().bind(model.thresholdProperty());
        gauge.themeProperty().bind(context.theme());
        Label probability = new Label();
        probability.setId(id(idPrefix, "probability"));
        probability.getStyleClass().add(Styles.BIG_NUMBER);
        probability.textProperty().bind(model.probabilityTextProperty());
        Label decision = new Label();
        decision.setId(id(idPrefix, "decision"));
        decision.getStyleClass().add(Styles.DECISION);
        decision.textProperty().bind(model.decisionTextProperty());
        decision.visibleProperty().bind(model.decisionProperty().isNotNull());
        model.decisionProperty().addListener((obs, old, now) -> {
            decision.getStyleClass().removeAll(Styles.GRANTED, Styles.REFUSED);
            if (now != null) {
                decision.getStyleClass().add(now == Decision.GRANTED ? Styles.GRANTED : Styles.REFUSED);
            }
        });
        if (model.decisionProperty().get() != null) {
            decision.getStyleClass().add(model.decisionProperty().get() == Decision.GRANTED ? Styles.GRANTED : Styles.REFUSED);
        }
        Label margin = new Label();
        margin.setId(id(idPrefix, "margin"));
        margin.setWrapText(true);
        margin.textProperty().bind(model.marginTextProperty());
        HBox headline = new HBox(14, probability, decision);
        headline.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label legend = new Label();
        legend.getStyleClass().add(Styles.MUTED);
        legend.setWrapText(true);
        legend.textProperty().bind(context.i18n().text("gauge.legend"));
        legend.setMinHeight(Region.USE_PREF_SIZE);
        margin.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, gauge, headline, margin, legend);
        box.getStyleClass().add(Styles.PANEL);
        return box;
    }

    public static VBox reasons(DecisionViewModel model, I18n i18n) {
        return reasons(model, i18n, "");
    }

    /** The summary and the reasons each way; {@code idPrefix} keeps node ids unique when shown twice. */
    public static VBox reasons(DecisionViewModel model, I18n i18n, String idPrefix) {
        Label summary = new Label();
        summary.setId(id(idPrefix, "summary"));
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        summary.setMinHeight(Region.USE_PREF_SIZE);
        VBox raising = list(model.raising(), i18n.text("reasons.none"));
        raising.setId(id(idPrefix, "raising"));
        VBox lowering = list(model.lowering(), i18n.text("reasons.none"));
        lowering.setId(id(idPrefix, "lowering"));
        VBox box = new VBox(6, title(i18n.text("reasons.title")), summary,
                section(i18n.text("reasons.raising")), raising, section(i18n.text("reasons.lowering")), lowering);
        box.getStyleClass().add(Styles.PANEL);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    /**
     * Reasons as wrapped bullet lines: read in full, never cut or scrolled sideways; {@code none}
     * when there are none, so that a heading is never left with nothing under it.
     */
    private static VBox list(javafx.collections.ObservableList<String> items, javafx.beans.value.ObservableValue<String> none) {
        VBox list = new VBox(3);
        Runnable fill = () -> {
            if (items.isEmpty()) {
                Label empty = new Label();
                empty.textProperty().bind(none);
                empty.getStyleClass().add(Styles.MUTED);
                empty.setWrapText(true);
                list.getChildren().setAll(empty);
                return;
            }
            list.getChildren().setAll(items.stream().map(text -> {
                Label line = new Label("\u2022 " + text);
                line.setWrapText(true);
                line.setMinHeight(Region.USE_PREF_SIZE);
                return line;
            }).toList());
        };
        items.addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        return list;
    }

    private static String id(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A panel heading that follows the language. */
    public static Label title(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.getStyleClass().add(Styles.SUBTITLE);
        label.textProperty().bind(text);
        return label;
    }

    static Label section(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.getStyleClass().add(Styles.SECTION);
        label.textProperty().bind(text);
        return label;
    }

    private void redrawWaterfall() {
        Waterfall now = model.waterfallProperty().get();
        ChartStyle.show(waterfall, now == null ? null
                : WaterfallChart.create(now, model.thresholdProperty().get(), context.i18n(), context.theme().get()));
    }

    private void redrawImportance() {
        importanceStale = !importance.isVisible();
        if (importanceStale) {
            return;
        }
        ChartStyle.show(importance, model.importance().isEmpty() ? null
                : ImportanceChart.create(model.importance(), context.i18n(), context.theme().get()));
    }
}
