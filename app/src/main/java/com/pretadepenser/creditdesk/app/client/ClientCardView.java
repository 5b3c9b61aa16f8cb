package com.pretadepenser.creditdesk.app.client;

import com.pretadepenser.creditdesk.app.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The client card: facts in sections, label on the left, value on the right. */
public final class ClientCardView extends VBox {
    private final GridPane grid = new GridPane();

    public ClientCardView(ClientCardViewModel model) {
        setSpacing(6);
        setPadding(new Insets(10));
        getStyleClass().add(Styles.PANEL);
        Label heading = new Label();
        heading.setId("clientHeading");
        heading.getStyleClass().add(Styles.TITLE);
        heading.textProperty().bind(model.headingProperty());
        grid.setHgap(10);
        grid.setVgap(3);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(90);
        grid.getColumnConstraints().addAll(labels, values);
        getChildren().addAll(heading, grid);
        model.facts().addListener((ListChangeListener<ClientFacts.Fact>) c -> fill(model));
        fill(model);
    }

    private void fill(ClientCardViewModel model) {
        grid.getChildren().clear();
        String section = null;
        int row = 0;
        for (ClientFacts.Fact fact : model.facts()) {
            if (!fact.section().equals(section)) {
                section = fact.section();
                Label title = new Label(section);
                title.getStyleClass().add(Styles.SECTION);
                grid.add(title, 0, row++, 2, 1);
            }
            Label label = new Label(fact.label());
            label.getStyleClass().add(Styles.FACT_LABEL);
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(fact.value());
            value.getStyleClass().add(Styles.FACT_VALUE);
            value.setWrapText(true);
            grid.add(label, 0, row);
            grid.add(value, 1, row++);
        }
    }
}
