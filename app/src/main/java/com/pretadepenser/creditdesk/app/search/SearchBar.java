package com.pretadepenser.creditdesk.app.search;

import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.shell.Shell;
import com.pretadepenser.creditdesk.app.theme.Styles;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.controlsfx.control.textfield.TextFields;

/** The client search: type-ahead over every client id, Enter or the button loads; a bad id's message shows in {@link #messageLine}. */
public final class SearchBar extends HBox {
    public static final int SUGGESTIONS = 12;
    private final TextField field = new TextField();

    public SearchBar(Shell model) {
        I18n i18n = model.i18n();
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        field.setId("search");
        field.setPrefColumnCount(12);
        field.promptTextProperty().bind(i18n.text("search.prompt"));
        TextFields.bindAutoCompletion(field, request -> {
            Workspace workspace = model.workspaceProperty().get();
            return workspace == null ? java.util.List.<String>of()
                    : workspace.idsStartingWith(request.getUserText().strip(), SUGGESTIONS).stream().map(String::valueOf).toList();
        });
        Button go = new Button();
        go.setId("searchButton");
        go.textProperty().bind(i18n.text("search.go"));
        field.setOnAction(e -> submit(model));
        go.setOnAction(e -> submit(model));
        go.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        field.textProperty().addListener((obs, old, now) -> model.clearError());
        getChildren().addAll(field, go);
    }

    private void submit(Shell model) {
        if (model.load(field.getText())) {
            field.selectAll();
        }
    }

    /** The line under the toolbar that says what was wrong (a bad id, a failed task); hidden when there is nothing to say. */
    public static Label messageLine(Shell model) {
        Label message = new Label();
        message.setId("searchMessage");
        message.getStyleClass().add(Styles.ERROR);
        message.textProperty().bind(model.errorProperty());
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.setPadding(new javafx.geometry.Insets(0, 12, 6, 12));
        message.visibleProperty().bind(model.errorProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    public TextField field() {
        return field;
    }
}
