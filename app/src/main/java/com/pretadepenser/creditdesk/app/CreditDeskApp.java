package com.pretadepenser.creditdesk.app;

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
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CreditDeskApp.class.getName());
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
        theme.get().applyTo(scene);
        theme.addListener((obs, old, now) -> {
            now.applyTo(scene);
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
            startDevTool("Screenshots", new Class<?>[] {Stage.class, MainView.class, MainViewModel.class, ObjectProperty.class, Path.class},
                    stage, view, model, theme, Path.of(named.get("screenshots")));
        } else if (named.containsKey("bench")) {
            startDevTool("UiBench", new Class<?>[] {MainView.class, MainViewModel.class}, view, model);
        } else if (named.containsKey("smoke")) {
            new SmokeRun(stage, view, model, Path.of(named.get("smoke"))).start();
        }
        model.open(data, modelFolder, client);
    }

    /**
     * Starts a developer's tool of {@code app.devtools} by name: the installer's jar leaves that
     * package out, so there the tool is missing and the app says so and quits.
     */
    private static void startDevTool(String name, Class<?>[] types, Object... arguments) {
        try {
            Object tool = Class.forName("com.pretadepenser.creditdesk.app.devtools." + name).getConstructor(types).newInstance(arguments);
            tool.getClass().getMethod("start").invoke(tool);
        } catch (ClassNotFoundException e) {
            LOG.severe("--screenshots and --bench are developer tools, not part of the installed app: run them from a build"
                    + " (java -jar app/target/creditdesk-app.jar, see the README)");
            Platform.exit();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the developer tool " + name + " could not start", e);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
