package com.pretadepenser.creditdesk.app;

import com.pretadepenser.creditdesk.app.bench.Screenshots;
import com.pretadepenser.creditdesk.app.bench.UiBench;
import com.pretadepenser.creditdesk.app.common.AppSettings;
import com.pretadepenser.creditdesk.app.common.FxTaskExecutor;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.StartTrace;
import com.pretadepenser.creditdesk.app.common.ViewContext;
import com.pretadepenser.creditdesk.app.main.MainView;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.app.theme.Theme;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The dashboard. Started by {@link Launcher} (JavaFX on the class path needs a main outside the
 * Application class). Parameters: {@code --data=DIR --model=DIR --client=ID --lang=en|fr
 * --theme=light|dark}, and {@code --screenshots=DIR} or {@code --bench} for the documentation commands.
 */
public final class CreditDeskApp extends Application {
    private FxTaskExecutor executor;
    private AppSettings settings;

    /** The documentation commands neither show nor change the officer's own recent clients, window and theme. */
    private static AppSettings scratchSettings() {
        try {
            java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("creditdesk-settings");
            // Nor read the officer's cache: a benchmark run measures the index built, as a first start does.
            System.setProperty("creditdesk.cache", scratch.resolve("cache").toString());
            return new AppSettings(scratch);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void start(Stage stage) {
        StartTrace.mark("JavaFX started");
        Map<String, String> named = getParameters().getNamed();
        settings = named.containsKey("screenshots") || named.containsKey("bench") || named.containsKey("smoke") ? scratchSettings()
                : AppSettings.forUser();
        Locale language = named.containsKey("lang") ? Locale.forLanguageTag(named.get("lang"))
                : settings.language().orElse(Locale.getDefault());
        I18n i18n = new I18n(language);
        ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.parse(named.getOrDefault("theme", settings.theme().orElse("light"))));
        executor = new FxTaskExecutor(2);
        MainViewModel model = new MainViewModel(executor, i18n, settings);
        MainView view = new MainView(model, new ViewContext(i18n, theme));
        StartTrace.mark("view built");
        Scene scene = new Scene(view, 1440, 900);
        applyTheme(scene, theme.get());
        theme.addListener((obs, old, now) -> {
            applyTheme(scene, now);
            settings.setTheme(now.name().toLowerCase(Locale.ROOT));
        });
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("app.title"));
        WindowState.restore(stage, settings);
        stage.setOnHidden(e -> {
            WindowState.remember(stage, settings);
            settings.save();
            executor.close();
            Platform.exit();
        });
        stage.show();
        StartTrace.mark("window shown");

        Path data = Path.of(named.getOrDefault("data", Launcher.defaultData().toString()));
        Path modelFolder = Path.of(named.getOrDefault("model", Launcher.defaultModel().toString()));
        Integer client = named.containsKey("client") ? Integer.valueOf(named.get("client").strip())
                : settings.recentClients().stream().findFirst().orElse(null);
        if (named.containsKey("screenshots")) {
            new Screenshots(stage, view, model, theme, Path.of(named.get("screenshots"))).start();
        } else if (named.containsKey("bench")) {
            new UiBench(view, model).start();
        } else if (named.containsKey("smoke")) {
            new com.pretadepenser.creditdesk.app.bench.SmokeRun(stage, view, model, Path.of(named.get("smoke"))).start();
        }
        model.open(data, modelFolder, client);
    }

    static void applyTheme(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(Theme.class.getResource("base.css").toExternalForm(), theme.stylesheet());
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
