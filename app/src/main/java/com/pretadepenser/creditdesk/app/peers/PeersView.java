package com.pretadepenser.creditdesk.app.peers;

import com.pretadepenser.creditdesk.app.charts.ChartStyle;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.ViewContext;
import com.pretadepenser.creditdesk.app.theme.Styles;
import com.pretadepenser.creditdesk.engine.peers.Distribution;
import com.pretadepenser.creditdesk.engine.peers.Segment;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.jfree.chart.fx.ChartViewer;

/** The peers tab: group and feature choosers, histogram and box plot with the client marked, group statistics, scatter. */
public final class PeersView extends VBox {
    private final PeersViewModel model;
    private final ViewContext context;
    private final ChartViewer histogram = new ChartViewer(null);
    private final ChartViewer boxPlot = new ChartViewer(null);
    private final ChartViewer scatter = new ChartViewer(null);
    private final Label statistics = new Label();

    public PeersView(PeersViewModel model, ViewContext context) {
        this.model = model;
        this.context = context;
        I18n i18n = context.i18n();
        setSpacing(8);
        setPadding(new Insets(12));

        ChoiceBox<PeersViewModel.Group> group = new ChoiceBox<>();
        group.setId("peerGroup");
        group.getItems().setAll(PeersViewModel.Group.values());
        group.setConverter(converter(g -> i18n.get("peers.group." + g.name())));
        group.valueProperty().bindBidirectional(model.groupProperty());

        CheckComboBox<Segment> segments = new CheckComboBox<>();
        segments.setId("segments");
        segments.getItems().setAll(Segment.values());
        segments.setConverter(converter(s -> s.label(i18n.locale())));
        for (Segment s : model.segments()) {
            segments.getCheckModel().check(s);
        }
        segments.getCheckModel().getCheckedItems().addListener((ListChangeListener<Segment>) c ->
                model.segments().setAll(List.copyOf(segments.getCheckModel().getCheckedItems())));
        segments.visibleProperty().bind(model.groupProperty().isEqualTo(PeersViewModel.Group.SEGMENT));
        segments.managedProperty().bind(segments.visibleProperty());

        ComboBox<PeersViewModel.FeatureChoice> feature = featureBox(model, "peerFeature");
        feature.valueProperty().bindBidirectional(model.featureProperty());

        HBox controls = new HBox(8, label(i18n.text("peers.group")), group, segments, label(i18n.text("peers.feature")), feature);
        controls.setAlignment(Pos.CENTER_LEFT);

        histogram.setId("histogram");
        boxPlot.setId("boxPlot");
        HBox distributions = new HBox(8, histogram, boxPlot);
        HBox.setHgrow(histogram, Priority.ALWAYS);
        histogram.setPrefWidth(640);
        boxPlot.setPrefWidth(300);
        boxPlot.setMinWidth(240);
        VBox.setVgrow(distributions, Priority.ALWAYS);
        distributions.setPrefHeight(330);

        statistics.setId("peerStatistics");
        statistics.setWrapText(true);
        statistics.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label message = new Label();
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(model.messageProperty());

        ComboBox<PeersViewModel.FeatureChoice> x = featureBox(model, "scatterX");
        x.valueProperty().bindBidirectional(model.xFeatureProperty());
        ComboBox<PeersViewModel.FeatureChoice> y = featureBox(model, "scatterY");
        y.valueProperty().bindBidirectional(model.yFeatureProperty());
        ChoiceBox<PeersViewModel.ColourBy> colour = new ChoiceBox<>();
        colour.getItems().setAll(PeersViewModel.ColourBy.values());
        colour.setConverter(converter(c -> i18n.get("peers.colour." + c.name())));
        colour.valueProperty().bindBidirectional(model.colourByProperty());
        HBox scatterControls = new HBox(8, label(i18n.text("peers.scatter")), label(i18n.text("peers.x")), x,
                label(i18n.text("peers.y")), y, label(i18n.text("peers.colourBy")), colour);
        scatterControls.setAlignment(Pos.CENTER_LEFT);
        scatter.setId("scatter");
        scatter.setPrefHeight(330);
        VBox.setVgrow(scatter, Priority.ALWAYS);

        VBox top = new VBox(8, controls, message, distributions, statistics);
        top.getStyleClass().add(Styles.PANEL);
        VBox bottom = new VBox(8, scatterControls, scatter);
        bottom.getStyleClass().add(Styles.PANEL);
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        getChildren().addAll(top, bottom);

        model.resultProperty().addListener((obs, old, now) -> redraw());
        context.theme().addListener((obs, old, now) -> redraw());
        i18n.localeProperty().addListener((obs, old, now) -> {
            group.setConverter(converter(g -> i18n.get("peers.group." + g.name())));
            colour.setConverter(converter(c -> i18n.get("peers.colour." + c.name())));
        });
        redraw();
    }

    private static ComboBox<PeersViewModel.FeatureChoice> featureBox(PeersViewModel model, String id) {
        ComboBox<PeersViewModel.FeatureChoice> box = new ComboBox<>(model.features());
        box.setId(id);
        box.setVisibleRowCount(15);
        box.setPrefWidth(260);
        return box;
    }

    private static Label label(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        return label;
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }

    private String number(double value, int digits) {
        if (Double.isNaN(value)) {
            return "—";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(context.i18n().locale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    private void redraw() {
        PeersViewModel.Result result = model.resultProperty().get();
        I18n i18n = context.i18n();
        if (result == null || model.featureProperty().get() == null) {
            ChartStyle.show(histogram, null);
            ChartStyle.show(boxPlot, null);
            ChartStyle.show(scatter, null);
            statistics.setText("");
            return;
        }
        String feature = model.featureProperty().get().feature();
        ChartStyle.show(histogram, PeerCharts.histogram(result, feature, i18n, context.theme().get()));
        ChartStyle.show(boxPlot, PeerCharts.boxPlot(result, feature, i18n, context.theme().get()));
        ChartStyle.show(scatter, PeerCharts.scatter(result, model.xFeatureProperty().get().feature(), model.yFeatureProperty().get().feature(),
                i18n, context.theme().get()));
        StringBuilder text = new StringBuilder();
        for (PeersViewModel.GroupDistribution g : result.groups()) {
            Distribution d = g.distribution();
            if (text.length() > 0) {
                text.append('\n');
            }
            // for repayers and defaulters, the default rate is 0 and 100 % by definition: not worth a word
            // a missing value (common in genuine data: external score 1 is missing for over half) has no percentile
            String key = (result.outcomeGroups() ? "peers.statsOutcome" : "peers.stats") + (Double.isNaN(d.clientPercentile()) ? "Unknown" : "");
            text.append(i18n.get(key, g.label(),
                    number(d.percentile(DisplayUnit.of(feature).backwards()), 0),
                    number(100 * d.defaultRate(), 1), number(100 * d.meanProbability(), 1)));
        }
        if (result.scatter().groupSize() > result.scatter().x().length) {
            text.append('\n').append(i18n.get("peers.sampled", result.scatter().x().length, result.scatter().groupSize()));
        }
        statistics.setText(text.toString());
    }
}
