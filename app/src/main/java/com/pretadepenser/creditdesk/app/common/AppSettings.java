package com.pretadepenser.creditdesk.app.common;

import com.pretadepenser.creditdesk.engine.UserFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the app remembers between runs (window, language, theme, recent clients, last folders), in
 * {@code settings.properties} in the user's settings folder ({@link UserFolders#settings()}: e.g.
 * {@code ~/.config/creditdesk} on Linux) or the folder the {@code creditdesk.settings} system property names. Written whole to a temporary file then moved, so a crash never leaves half a file;
 * an unreadable file is set aside and the defaults used.
 */
public final class AppSettings {
    private static final Logger LOG = Logger.getLogger(AppSettings.class.getName());
    public static final int RECENT_LIMIT = 10;
    static final String FILE = "settings.properties";

    private final Path file;
    private final Properties values = new Properties();
    private final com.pretadepenser.creditdesk.engine.decisions.DecisionLog decisionLog;

    /** Settings in {@code folder}, and a decision log beside them (the tests' and the documentation commands' scratch folders). */
    public AppSettings(Path folder) {
        this(folder, new com.pretadepenser.creditdesk.engine.decisions.DecisionLog(
                folder.resolve(com.pretadepenser.creditdesk.engine.decisions.DecisionLog.FILE_NAME)));
    }

    private AppSettings(Path folder, com.pretadepenser.creditdesk.engine.decisions.DecisionLog decisionLog) {
        this.decisionLog = decisionLog;
        this.file = folder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "Settings " + file + " unreadable; starting from defaults", e);
                values.clear();
            }
        }
    }

    /**
     * The user's settings, in the operating system's per-user folder ({@link UserFolders#settings()});
     * settings that an earlier version kept in {@code ~/.creditdesk} are copied there once.
     */
    public static AppSettings forUser() {
        UserFolders folders = UserFolders.current();
        Path folder = folders.settings();
        if (System.getProperty("creditdesk.settings") == null) {
            migrate(folders.legacySettings().resolve(FILE), folder.resolve(FILE));
        }
        return new AppSettings(folder, com.pretadepenser.creditdesk.engine.decisions.DecisionLog.forUser());
    }

    /** Where the officer's decisions are recorded: the user's data folder, or beside scratch settings. */
    public com.pretadepenser.creditdesk.engine.decisions.DecisionLog decisionLog() {
        return decisionLog;
    }

    /** Copies the old file to the new place when only the old one exists; the old one is left as it was. */
    static void migrate(Path legacy, Path current) {
        if (Files.isRegularFile(legacy) && !Files.exists(current)) {
            try {
                Files.createDirectories(current.getParent());
                Files.copy(legacy, current);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Settings " + legacy + " not carried over to " + current + "; starting from defaults", e);
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Window bounds as x, y, width, height, if saved and sane. */
    public Optional<double[]> windowBounds() {
        String saved = values.getProperty("window.bounds");
        if (saved == null) {
            return Optional.empty();
        }
        try {
            double[] bounds = Arrays.stream(saved.split(",")).mapToDouble(Double::parseDouble).toArray();
            return bounds.length == 4 && bounds[2] >= 400 && bounds[3] >= 300 ? Optional.of(bounds) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void setWindowBounds(double x, double y, double width, double height) {
        values.setProperty("window.bounds", x + "," + y + "," + width + "," + height);
    }

    public boolean windowMaximized() {
        return Boolean.parseBoolean(values.getProperty("window.maximized", "false"));
    }

    public void setWindowMaximized(boolean maximized) {
        values.setProperty("window.maximized", Boolean.toString(maximized));
    }

    public Optional<Locale> language() {
        return Optional.ofNullable(values.getProperty("language")).map(Locale::forLanguageTag);
    }

    public void setLanguage(Locale locale) {
        values.setProperty("language", locale.getLanguage());
    }

    public Optional<String> theme() {
        return Optional.ofNullable(values.getProperty("theme"));
    }

    public void setTheme(String theme) {
        values.setProperty("theme", theme);
    }

    /** Recent client ids, most recent first. */
    public List<Integer> recentClients() {
        List<Integer> ids = new ArrayList<>();
        for (String part : values.getProperty("recent.clients", "").split(",")) {
            try {
                ids.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                // an empty list or a hand-edited entry: skipped, the rest kept
            }
        }
        return ids;
    }

    public void setRecentClients(List<Integer> ids) {
        values.setProperty("recent.clients", String.join(",", ids.stream().limit(RECENT_LIMIT).map(String::valueOf).toList()));
    }

    public Optional<Path> folder(String name) {
        return Optional.ofNullable(values.getProperty("folder." + name)).map(Path::of);
    }

    public void setFolder(String name, Path folder) {
        values.setProperty("folder." + name, folder.toAbsolutePath().toString());
    }

    /** Writes the settings; a failure is logged, never shown: losing a window position is not worth a dialog. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                values.store(out, "CreditDesk settings");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save settings to " + file, e);
        }
    }
}
