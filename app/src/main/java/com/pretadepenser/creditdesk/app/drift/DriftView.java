package com.pretadepenser.creditdesk.app.drift;

import com.pretadepenser.creditdesk.app.charts.ChartStyle;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.ViewContext;
import com.pretadepenser.creditdesk.app.theme.Styles;
import com.pretadepenser.creditdesk.app.theme.Theme;
import com.pretadepenser.creditdesk.engine.monitoring.DriftComparison;
import com.pretadepenser.creditdesk.engine.monitoring.Stability;
import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.category.DefaultCategoryDataset;

/** The drift screen: choose a batch, check it, read the verdict, the features most drifted and one feature's two distributions. */
public final class DriftView extends BorderPane {
    private final DriftViewModel model;
    private final ViewContext context;
    /** Categories drawn by name; the others are one bar. */
    private static final int MAX_LEVELS = 12;
    private final ChartViewer chart = new ChartViewer(null);

    public DriftView(DriftViewModel model, ViewContext context) {
        this.model = model;
        this.context = context;
        I18n i18n = context.i18n();

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE);
        title.textProperty().bind(i18n.text("drift.title"));
        Label explain = new Label();
        explain.getStyleClass().add(Styles.MUTED);
        explain.setWrapText(true);
        explain.textProperty().bind(i18n.text("drift.explain"));

        ToggleGroup batches = new ToggleGroup();
        RadioButton test = new RadioButton();
        test.setId("driftTestApplicants");
        test.textProperty().bind(i18n.text("drift.choice.test"));
        test.setToggleGroup(batches);
        RadioButton other = new RadioButton();
        other.setId("driftOtherDataset");
        other.textProperty().bind(i18n.text("drift.choice.other"));
        other.setToggleGroup(batches);
        batches.selectToggle(model.batchProperty().get() == DriftViewModel.Batch.TEST_APPLICANTS ? test : other);
        batches.selectedToggleProperty().addListener((obs, old, now) -> model.batchProperty().set(
                now == other ? DriftViewModel.Batch.OTHER_DATASET : DriftViewModel.Batch.TEST_APPLICANTS));
        Button choose = new Button();
        choose.textProperty().bind(i18n.text("drift.choose"));
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.get("drift.choose"));
            File folder = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (folder != null) {
                model.otherDatasetProperty().set(folder.toPath());
                batches.selectToggle(other);
            }
        });
        Label chosen = new Label();
        chosen.getStyleClass().add(Styles.MUTED);
        chosen.textProperty().bind(Bindings.createStringBinding(() -> model.otherDatasetProperty().get() == null ? ""
                : model.otherDatasetProperty().get().toString(), model.otherDatasetProperty()));
        Button run = new Button();
        run.setId("driftRun");
        run.setDefaultButton(true);
        run.textProperty().bind(i18n.text("drift.run"));
        run.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canRunProperty().getValue(), model.canRunProperty()));
        run.setOnAction(e -> model.run());
        javafx.scene.control.ProgressIndicator working = new javafx.scene.control.ProgressIndicator();
        working.setPrefSize(18, 18);
        Label workingText = new Label();
        workingText.getStyleClass().add(Styles.MUTED);
        workingText.textProperty().bind(i18n.text("status.drift"));
        HBox busy = new HBox(6, working, workingText);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(model.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox choice = new HBox(12, test, other, choose, chosen, run, busy);
        choice.setAlignment(Pos.CENTER_LEFT);

        Label verdict = new Label();
        verdict.setId("driftVerdict");
        verdict.getStyleClass().add(Styles.DECISION);
        verdict.textProperty().bind(model.verdictTextProperty());
        verdict.visibleProperty().bind(model.verdictProperty().isNotNull());
        model.verdictProperty().addListener((obs, old, now) -> colour(verdict, now));
        colour(verdict, model.verdictProperty().get());
        Label summary = new Label();
        summary.setId("driftSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label conventions = new Label();
        conventions.getStyleClass().add(Styles.MUTED);
        conventions.textProperty().bind(i18n.text("drift.conventions"));
        conventions.visibleProperty().bind(model.verdictProperty().isNotNull());
        Label message = new Label();
        message.setId("driftMessage");
        message.getStyleClass().add(Styles.ERROR);
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox verdictLine = new HBox(12, verdict, summary);
        verdictLine.setAlignment(Pos.CENTER_LEFT);
        verdictLine.visibleProperty().bind(model.verdictProperty().isNotNull());
        verdictLine.managedProperty().bind(verdictLine.visibleProperty());
        conventions.managedProperty().bind(conventions.visibleProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        HBox.setHgrow(summary, Priority.ALWAYS);

        TableView<DriftViewModel.Row> table = new TableView<>(model.rows());
        table.setId("driftTable");
        table.getColumns().add(column(i18n, "drift.col.feature", DriftViewModel.Row::label, 300));
        table.getColumns().add(column(i18n, "drift.col.psi", DriftViewModel.Row::psi, 70));
        table.getColumns().add(column(i18n, "drift.col.stability", DriftViewModel.Row::stabilityText, 110));
        table.getColumns().add(column(i18n, "drift.col.ks", DriftViewModel.Row::ks, 60));
        table.getColumns().add(column(i18n, "drift.col.importance", DriftViewModel.Row::importance, 90));
        table.getColumns().add(column(i18n, "drift.col.missing", DriftViewModel.Row::missing, 150));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DriftViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setStyle(empty || row == null || row.stability() == Stability.STABLE ? ""
                        : row.stability() == Stability.SIGNIFICANT ? "-fx-font-weight: bold;" : "");
            }
        });
        table.placeholderProperty().set(placeholder(i18n));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.setPrefWidth(800);
        table.setMinHeight(220);

        chart.setId("driftOverlay");
        chart.setPrefSize(620, 380);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox body = new HBox(12, table, chart);
        VBox.setVgrow(body, Priority.ALWAYS);
        model.overlayProperty().addListener((obs, old, now) -> refreshChart());
        context.theme().addListener((obs, old, now) -> refreshChart());
        i18n.localeProperty().addListener((obs, old, now) -> refreshChart());
        refreshChart();

        VBox content = new VBox(10, new VBox(4, title, explain), choice, message, verdictLine, conventions, body);
        content.setPadding(new Insets(12));
        setCenter(content);
    }

    private static Label placeholder(I18n i18n) {
        Label none = new Label();
        none.textProperty().bind(i18n.text("drift.none"));
        none.getStyleClass().add(Styles.MUTED);
        return none;
    }

    private static void colour(Label verdict, Stability stability) {
        verdict.setStyle(stability == null ? "" : switch (stability) {
            case STABLE -> "-fx-background-color: -cd-green; -fx-text-fill: white;";
            case MODERATE -> "-fx-background-color: -cd-yellow; -fx-text-fill: -cd-ink;";
            case SIGNIFICANT -> "-fx-background-color: -cd-vermilion; -fx-text-fill: white;";
        });
    }

    private static TableColumn<DriftViewModel.Row, String> column(I18n i18n, String key, Function<DriftViewModel.Row, String> value,
                                                                  double width) {
        TableColumn<DriftViewModel.Row, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private void refreshChart() {
        DriftComparison.Overlay overlay = model.overlayProperty().get();
        DriftViewModel.Row row = model.selectedProperty().get();
        if (overlay == null || row == null) {
            ChartStyle.show(chart, null);
            return;
        }
        ChartStyle.show(chart, overlayChart(overlay, row.label(), context.i18n(), context.theme().get()));
    }

    JFreeChart overlayChart(DriftComparison.Overlay overlay, String label, I18n i18n, Theme theme) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String reference = i18n.get("drift.series.reference");
        String current = i18n.get("drift.series.current");
        int bins = overlay.reference().length;
        java.util.List<Integer> shown = new java.util.ArrayList<>();
        for (int bin = 0; bin < bins; bin++) {
            if (overlay.reference()[bin] > 0 || overlay.current()[bin] > 0) {
                shown.add(bin); // not a merged decile, nor a level neither batch has
            }
        }
        double otherReference = 0;
        double otherCurrent = 0;
        int others = 0;
        if (overlay.levels() && shown.size() > MAX_LEVELS + 1) {
            // many categories (58 sectors): the largest by name, the rest together, so every label reads
            int missing = bins - 1;
            java.util.List<Integer> levels = new java.util.ArrayList<>(shown);
            levels.remove(Integer.valueOf(missing));
            levels.sort(java.util.Comparator.comparingDouble(
                    (Integer b) -> Math.max(overlay.reference()[b], overlay.current()[b])).reversed());
            for (int b : levels.subList(MAX_LEVELS, levels.size())) {
                otherReference += overlay.reference()[b];
                otherCurrent += overlay.current()[b];
                others++;
            }
            java.util.List<Integer> kept = new java.util.ArrayList<>(levels.subList(0, MAX_LEVELS));
            if (shown.contains(missing)) {
                kept.add(missing);
            }
            shown = kept;
        }
        for (int bin : shown) {
            String name = model.binLabel(overlay, bin);
            data.addValue(100 * overlay.reference()[bin], reference, name);
            data.addValue(100 * overlay.current()[bin], current, name);
        }
        if (others > 0) {
            String name = i18n.get("drift.bin.others", others);
            data.addValue(100 * otherReference, reference, name);
            data.addValue(100 * otherCurrent, current, name);
        }
        CategoryAxis axis = new CategoryAxis(i18n.get(overlay.levels() ? "drift.axis.levels" : "drift.axis.deciles"));
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        axis.setMaximumCategoryLabelLines(2);
        NumberAxis share = new NumberAxis(i18n.get("drift.axis.share"));
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setSeriesPaint(0, Theme.BLUE);
        renderer.setSeriesPaint(1, Theme.ORANGE);
        CategoryPlot plot = new CategoryPlot(data, axis, share, renderer);
        return ChartStyle.apply(new JFreeChart(label, JFreeChart.DEFAULT_TITLE_FONT, plot, true), theme);
    }
}
