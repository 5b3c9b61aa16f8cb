package com.pretadepenser.creditdesk.app.record;

import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.theme.Styles;
import com.pretadepenser.creditdesk.engine.decisions.DecisionLog;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The records tab: the decision log's records with filters, the chain's state, export to CSV. */
public final class RecordsView extends VBox {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    public RecordsView(RecordsViewModel model, I18n i18n) {
        setSpacing(10);
        setPadding(new Insets(12));
        TextField client = new TextField();
        client.setId("recordsClient");
        client.promptTextProperty().bind(i18n.text("records.client"));
        client.textProperty().bindBidirectional(model.clientProperty());
        TextField officer = new TextField();
        officer.setId("recordsOfficer");
        officer.promptTextProperty().bind(i18n.text("records.officer"));
        officer.textProperty().bindBidirectional(model.officerProperty());
        DatePicker from = new DatePicker();
        from.setId("recordsFrom");
        from.promptTextProperty().bind(i18n.text("records.from"));
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("recordsTo");
        to.promptTextProperty().bind(i18n.text("records.to"));
        to.valueProperty().bindBidirectional(model.toProperty());
        CheckBox overrides = new CheckBox();
        overrides.setId("recordsOverrides");
        overrides.textProperty().bind(i18n.text("records.overridesOnly"));
        overrides.selectedProperty().bindBidirectional(model.overridesOnlyProperty());
        Button reload = new Button();
        reload.textProperty().bind(i18n.text("records.reload"));
        reload.setOnAction(e -> model.reload());
        Button export = new Button();
        export.setId("recordsExport");
        export.textProperty().bind(i18n.text("records.export"));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get("records.export"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            chooser.setInitialFileName("creditdesk-decisions.csv");
            File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                model.export(chosen.toPath());
            }
        });
        HBox filters = new HBox(8, client, officer, from, to, overrides, reload, export);
        filters.setAlignment(Pos.CENTER_LEFT);

        Label warning = new Label();
        warning.setId("recordsWarning");
        warning.getStyleClass().add(Styles.ERROR);
        warning.setWrapText(true);
        warning.textProperty().bind(model.book().warningProperty());
        warning.visibleProperty().bind(model.book().warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Label summary = new Label();
        summary.getStyleClass().add(Styles.MUTED);
        summary.textProperty().bind(model.summaryProperty());

        TableView<DecisionLog.Entry> table = new TableView<>(model.shown());
        table.setId("recordsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column(i18n, "records.col.time", e -> SHOWN.format(Instant.parse(e.record().time())), 150));
        table.getColumns().add(column(i18n, "records.col.officer", e -> e.record().osUser() + " @ " + e.record().machine(), 150));
        table.getColumns().add(column(i18n, "records.col.client", e -> e.record().clientId() == null ? i18n.get("records.newApplication")
                : String.valueOf(e.record().clientId()), 110));
        table.getColumns().add(column(i18n, "records.col.probability", e -> String.format(i18n.locale(), "%.1f %%", 100 * e.record().probability()), 90));
        table.getColumns().add(column(i18n, "records.col.model", e -> decision(i18n, e.record().modelDecision()), 100));
        table.getColumns().add(column(i18n, "records.col.final", e -> decision(i18n, e.record().finalDecision())
                + (e.record().overridden() ? " \u270e" : ""), 100));
        table.getColumns().add(column(i18n, "records.col.reason", e -> e.record().overrideReason() == null ? "" : e.record().overrideReason(), 260));
        table.getColumns().add(column(i18n, "records.col.modelName", e -> e.record().model() + " \u00b7 " + e.record().dataset(), 140));
        table.getColumns().add(column(i18n, "records.col.hash", e -> e.hash().substring(0, 12) + "\u2026", 110));
        table.placeholderProperty().set(placeholder(i18n));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(filters, warning, summary, table);
    }

    private static Label placeholder(I18n i18n) {
        Label none = new Label();
        none.textProperty().bind(i18n.text("records.empty"));
        return none;
    }

    private static String decision(I18n i18n, com.pretadepenser.creditdesk.engine.scoring.Decision decision) {
        return i18n.get("decision." + decision.name().toLowerCase(Locale.ROOT));
    }

    private static TableColumn<DecisionLog.Entry, String> column(I18n i18n, String key, Function<DecisionLog.Entry, String> value, double width) {
        TableColumn<DecisionLog.Entry, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

}
