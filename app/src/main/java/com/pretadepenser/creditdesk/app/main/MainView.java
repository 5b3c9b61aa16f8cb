package com.pretadepenser.creditdesk.app.main;

import com.pretadepenser.creditdesk.app.client.ClientCardView;
import com.pretadepenser.creditdesk.app.client.ClientCardViewModel;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.ViewContext;
import com.pretadepenser.creditdesk.app.drift.DriftView;
import com.pretadepenser.creditdesk.app.drift.DriftViewModel;
import com.pretadepenser.creditdesk.app.decision.DecisionView;
import com.pretadepenser.creditdesk.app.decision.DecisionViewModel;
import com.pretadepenser.creditdesk.app.modelcard.ModelCardView;
import com.pretadepenser.creditdesk.app.modelcard.ModelCardViewModel;
import com.pretadepenser.creditdesk.app.newapp.NewApplicationView;
import com.pretadepenser.creditdesk.app.newapp.NewApplicationViewModel;
import com.pretadepenser.creditdesk.app.peers.PeersView;
import com.pretadepenser.creditdesk.app.peers.PeersViewModel;
import com.pretadepenser.creditdesk.app.record.RecordPanel;
import com.pretadepenser.creditdesk.app.record.RecordViewModel;
import com.pretadepenser.creditdesk.app.record.RecordsView;
import com.pretadepenser.creditdesk.app.record.RecordsViewModel;
import com.pretadepenser.creditdesk.app.search.SearchBar;
import com.pretadepenser.creditdesk.app.theme.Styles;
import com.pretadepenser.creditdesk.app.theme.Theme;
import com.pretadepenser.creditdesk.app.whatif.WhatIfView;
import com.pretadepenser.creditdesk.app.whatif.WhatIfViewModel;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The main window's content: menu, search and demo marker, client card and recent clients, the five tabs, status bar. */
public final class MainView extends BorderPane {
    public static final String[] TABS = {"decision", "peers", "whatif", "newapp", "model", "records", "drift"};

    private final MainViewModel model;
    private final ViewContext context;
    private final TabPane tabs = new TabPane();
    private final SearchBar search;
    private final WhatIfViewModel whatIf;
    private final NewApplicationViewModel newApplication;

    public MainView(MainViewModel model, ViewContext context) {
        this.model = model;
        this.context = context;
        I18n i18n = context.i18n();
        ObservableValue<ModelCard> card = Bindings.createObjectBinding(
                () -> model.workspaceProperty().get() == null ? null : model.workspaceProperty().get().card(), model.workspaceProperty());

        model.afterDrawn(this::afterDrawn);
        search = new SearchBar(model);
        Label demo = new Label();
        demo.setId("demoBadge");
        demo.getStyleClass().add(Styles.DEMO_BADGE);
        demo.textProperty().bind(i18n.text("demo.badge"));
        demo.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.workspaceProperty().get() != null && model.workspaceProperty().get().synthetic(), model.workspaceProperty()));
        Label source = new Label();
        source.getStyleClass().add(Styles.MUTED);
        source.textProperty().bind(Bindings.createStringBinding(() -> {
            Workspace w = model.workspaceProperty().get();
            return w == null ? "" : i18n.get("toolbar.source", w.dataFolder().getFileName(), w.modelFolder().getFileName(), w.clientCount());
        }, model.workspaceProperty(), i18n.localeProperty()));
        Label appName = new Label("CreditDesk");
        appName.getStyleClass().add(Styles.TITLE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(12, appName, search, spacer, source, demo);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8, 12, 8, 12));
        appName.setMinWidth(Region.USE_PREF_SIZE);
        demo.setMinWidth(Region.USE_PREF_SIZE);
        setTop(new VBox(menu(), toolbar, SearchBar.messageLine(model)));

        ClientCardView card0 = new ClientCardView(new ClientCardViewModel(i18n, model.clientProperty()));
        ListView<Integer> recent = new ListView<>(model.recentClients());
        recent.setId("recent");
        recent.setPrefHeight(160);
        // through load(String): an id remembered from another dataset gets the unknown-client message
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                model.load(String.valueOf(recent.getSelectionModel().getSelectedItem()));
            }
        });
        recent.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && recent.getSelectionModel().getSelectedItem() != null) {
                model.load(String.valueOf(recent.getSelectionModel().getSelectedItem()));
            }
        });
        Label recentTitle = new Label();
        recentTitle.getStyleClass().add(Styles.SECTION);
        recentTitle.textProperty().bind(i18n.text("recent.title"));
        VBox side = new VBox(8, card0, recentTitle, recent);
        side.setPadding(new Insets(12, 0, 12, 12));
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setPrefWidth(350);
        sideScroll.setMinWidth(300);
        setLeft(sideScroll);

        DecisionViewModel decision = new DecisionViewModel(i18n, model.clientProperty(), card);
        PeersViewModel peers = new PeersViewModel(model.executor(), i18n, model.clientProperty(), model.peersProperty(), card);
        whatIf = new WhatIfViewModel(model);
        DecisionViewModel whatIfDecision = new DecisionViewModel(i18n, whatIf.editedProperty(), card);
        newApplication = new NewApplicationViewModel(model);
        DecisionViewModel newDecision = new DecisionViewModel(i18n, newApplication.resultProperty(), card);
        RecordViewModel recordClient = new RecordViewModel(model, model.clientProperty(), model.decisions());
        RecordViewModel recordNew = new RecordViewModel(model, newApplication.resultProperty(), model.decisions());
        RecordsViewModel records = new RecordsViewModel(model, model.decisions());
        Tab decisionTab = tab("decision", () -> new DecisionView(decision, context, new RecordPanel(recordClient, "")));
        Tab peersTab = tab("peers", () -> new PeersView(peers, context));
        Tab whatIfTab = tab("whatif", () -> new WhatIfView(whatIf, whatIfDecision, context));
        tabs.getTabs().addAll(decisionTab, peersTab, whatIfTab,
                tab("newapp", () -> new NewApplicationView(newApplication, newDecision, context, new RecordPanel(recordNew, "new"))),
                tab("model", () -> new ModelCardView(new ModelCardViewModel(i18n, card), context)),
                tab("records", () -> new RecordsView(records, i18n)),
                tab("drift", () -> new DriftView(new DriftViewModel(model.executor(), i18n, model.workspaceProperty()), context)));
        peers.activeProperty().bind(peersTab.selectedProperty());
        // the client card belongs with the screens about that client, not beside a new application or the model
        sideScroll.visibleProperty().bind(decisionTab.selectedProperty().or(peersTab.selectedProperty()).or(whatIfTab.selectedProperty()));
        sideScroll.managedProperty().bind(sideScroll.visibleProperty());
        whatIf.activeProperty().bind(whatIfTab.selectedProperty());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        setBottom(statusBar());
    }

    /** Runs {@code done} once the scene's current state is drawn (at once before the view is in a scene). */
    private void afterDrawn(Runnable done) {
        javafx.scene.Scene scene = getScene();
        if (scene == null) {
            done.run();
        } else {
            com.pretadepenser.creditdesk.app.common.FxSteps.afterPulses(scene, 2, done);
        }
    }

    /** A tab whose view is built when first shown: the window appears sooner, and hidden screens cost nothing. */
    private Tab tab(String key, java.util.function.Supplier<javafx.scene.Node> content) {
        Tab tab = new Tab();
        tab.setId("tab-" + key);
        tab.textProperty().bind(context.i18n().text("tab." + key));
        if (tab.isSelected() || tabs.getTabs().isEmpty() && "decision".equals(key)) {
            tab.setContent(content.get());
        }
        tab.selectedProperty().addListener((obs, old, now) -> {
            if (now && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }

    private MenuBar menu() {
        I18n i18n = context.i18n();
        MenuItem openData = item("menu.openData", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        openData.setOnAction(e -> chooseDataset());
        MenuItem openModel = item("menu.openModel", new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN));
        openModel.setOnAction(e -> chooseModel());
        MenuItem export = item("menu.export", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.setOnAction(e -> chooseExport());
        MenuItem report = item("menu.report", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN));
        report.setId("menuReport");
        report.setOnAction(e -> chooseReport());
        MenuItem quit = item("menu.quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> getScene().getWindow().hide());
        Menu file = new Menu();
        file.textProperty().bind(i18n.text("menu.file"));
        file.getItems().addAll(openData, openModel, new javafx.scene.control.SeparatorMenuItem(), report, export,
                new javafx.scene.control.SeparatorMenuItem(), quit);

        Menu view = new Menu();
        view.textProperty().bind(i18n.text("menu.view"));
        ToggleGroup languages = new ToggleGroup();
        for (Locale locale : I18n.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(locale.getDisplayLanguage(locale));
            item.setId("language-" + locale.getLanguage());
            item.setToggleGroup(languages);
            item.setSelected(locale.equals(i18n.locale()));
            item.setOnAction(e -> setLanguage(locale));
            view.getItems().add(item);
        }
        i18n.localeProperty().addListener((obs, old, now) -> languages.getToggles().forEach(t ->
                t.setSelected(((RadioMenuItem) t).getId().equals("language-" + now.getLanguage()))));
        view.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        ToggleGroup themes = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem();
            item.setId("theme-" + theme.name().toLowerCase(Locale.ROOT));
            item.textProperty().bind(i18n.text("theme." + theme.name()));
            item.setToggleGroup(themes);
            item.setSelected(theme == context.theme().get());
            item.setOnAction(e -> context.theme().set(theme));
            view.getItems().add(item);
        }
        for (int i = 0; i < TABS.length; i++) {
            int index = i;
            MenuItem go = item("tab." + TABS[i], new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)), KeyCombination.SHORTCUT_DOWN));
            go.setOnAction(e -> tabs.getSelectionModel().select(index));
            if (i == 0) {
                view.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            }
            view.getItems().add(go);
        }
        MenuItem find = item("menu.find", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> focusSearch());
        view.getItems().add(find);

        Menu help = new Menu();
        help.textProperty().bind(i18n.text("menu.help"));
        MenuItem keys = item("menu.keys", null);
        keys.setOnAction(e -> info("menu.keys", "help.keys"));
        MenuItem about = item("menu.about", null);
        about.setOnAction(e -> info("menu.about", "help.about"));
        help.getItems().addAll(keys, about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private void setLanguage(Locale locale) {
        context.i18n().setLocale(locale);
        model.settings().setLanguage(locale);
    }

    private MenuItem item(String key, KeyCombination accelerator) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(context.i18n().text(key));
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        return item;
    }

    private void info(String titleKey, String bodyKey) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        alert.initOwner(getScene().getWindow());
        alert.setTitle(context.i18n().get(titleKey));
        alert.setHeaderText(context.i18n().get(titleKey));
        alert.setContentText(context.i18n().get(bodyKey));
        alert.showAndWait();
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.setPrefWidth(200);
        Button cancel = new Button();
        cancel.setId("cancel");
        cancel.textProperty().bind(context.i18n().text("status.cancel"));
        cancel.visibleProperty().bind(model.cancellableProperty());
        cancel.setOnAction(e -> model.cancel());
        Label logWarning = new Label();
        logWarning.setId("logWarning");
        logWarning.getStyleClass().add(Styles.ERROR);
        logWarning.textProperty().bind(Bindings.createStringBinding(() -> model.decisions().warningProperty().get().isEmpty() ? ""
                : context.i18n().get("record.warningShort"), model.decisions().warningProperty(), context.i18n().localeProperty()));
        logWarning.visibleProperty().bind(model.decisions().warningProperty().isNotEmpty());
        logWarning.managedProperty().bind(logWarning.visibleProperty());
        logWarning.setOnMouseClicked(e -> tabs.getSelectionModel().select(java.util.Arrays.asList(TABS).indexOf("records")));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, status, logWarning, spacer, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        return bar;
    }

    public void focusSearch() {
        search.field().requestFocus();
        search.field().selectAll();
    }

    public TabPane tabs() {
        return tabs;
    }

    public WhatIfViewModel whatIf() {
        return whatIf;
    }

    public NewApplicationViewModel newApplication() {
        return newApplication;
    }

    private void chooseDataset() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(context.i18n().get("menu.openData"));
        model.settings().folder("data").map(Path::getParent).filter(Files::isDirectory).ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
        File chosen = chooser.showDialog(window());
        if (chosen != null) {
            model.openChecked(chosen.toPath(), currentOrLast("model"));
        }
    }

    private void chooseModel() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(context.i18n().get("menu.openModel"));
        model.settings().folder("model").map(Path::getParent).filter(Files::isDirectory).ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
        File chosen = chooser.showDialog(window());
        if (chosen != null) {
            model.openChecked(currentOrLast("data"), chosen.toPath());
        }
    }

    private void chooseExport() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(context.i18n().get("menu.export"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("creditdesk-scores.csv");
        File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            model.exportScores(chosen.toPath());
        }
    }

    private void chooseReport() {
        if (model.clientProperty().get() == null) {
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(context.i18n().get("menu.report"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialFileName(context.i18n().get("report.fileName", model.clientProperty().get().id()));
        File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            Path out = chosen.getName().toLowerCase(Locale.ROOT).endsWith(".pdf") ? chosen.toPath()
                    : chosen.toPath().resolveSibling(chosen.getName() + ".pdf");
            model.writeReport(out);
        }
    }

    /** The open workspace's folder, or, when none is open (the last opening failed), the last one used or the shipped one. */
    private Path currentOrLast(String which) {
        Workspace current = model.workspaceProperty().get();
        if (current != null) {
            return which.equals("data") ? current.dataFolder() : current.modelFolder();
        }
        return model.settings().folder(which).orElseGet(() -> which.equals("data")
                ? com.pretadepenser.creditdesk.app.workspace.DefaultLocations.demoData().orElse(Path.of("data/demo"))
                : com.pretadepenser.creditdesk.app.workspace.DefaultLocations.defaultModel().orElse(Path.of("models/default")));
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
