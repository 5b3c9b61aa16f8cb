package com.pretadepenser.creditdesk.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where CreditDesk keeps what belongs to the user, per operating system, never in the install
 * folder (read-only for an officer without admin rights):
 *
 * <table>
 * <caption>per-user folders</caption>
 * <tr><th></th><th>settings</th><th>data (datasets, models, logs)</th><th>cache</th></tr>
 * <tr><td>Windows</td><td colspan="2">{@code %LOCALAPPDATA%\CreditDesk}</td><td>{@code %LOCALAPPDATA%\CreditDesk\cache}</td></tr>
 * <tr><td>macOS</td><td colspan="2">{@code ~/Library/Application Support/CreditDesk}</td><td>{@code ~/Library/Caches/CreditDesk}</td></tr>
 * <tr><td>Linux</td><td>{@code $XDG_CONFIG_HOME/creditdesk} ({@code ~/.config/creditdesk})</td>
 *     <td>{@code $XDG_DATA_HOME/creditdesk} ({@code ~/.local/share/creditdesk})</td>
 *     <td>{@code $XDG_CACHE_HOME/creditdesk} ({@code ~/.cache/creditdesk})</td></tr>
 * </table>
 *
 * The system properties {@code creditdesk.settings} and {@code creditdesk.cache} name other
 * folders (the tests and the documentation commands use scratch ones).
 */
public final class UserFolders {
    private final String os;
    private final Path home;
    private final Map<String, String> environment;

    UserFolders(String os, Path home, Map<String, String> environment) {
        this.os = os.toLowerCase(Locale.ROOT);
        this.home = home;
        this.environment = environment;
    }

    /** This machine's folders. */
    public static UserFolders current() {
        return new UserFolders(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv());
    }

    private boolean windows() {
        return os.startsWith("windows");
    }

    private boolean mac() {
        return os.startsWith("mac");
    }

    private Path windowsBase() {
        String local = environment.get("LOCALAPPDATA");
        return (local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("CreditDesk");
    }

    private Path xdg(String variable, String fallback) {
        String value = environment.get(variable);
        // The XDG specification: a relative path is invalid and must be ignored.
        Path base = value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : home.resolve(fallback);
        return base.resolve("creditdesk");
    }

    /** Settings: {@code creditdesk.settings} if set. */
    public Path settings() {
        String chosen = System.getProperty("creditdesk.settings");
        if (chosen != null) {
            return Path.of(chosen);
        }
        if (windows()) {
            return windowsBase();
        }
        if (mac()) {
            return home.resolve("Library").resolve("Application Support").resolve("CreditDesk");
        }
        return xdg("XDG_CONFIG_HOME", ".config");
    }

    /** Imported datasets, trained models and logs. */
    public Path data() {
        if (windows()) {
            return windowsBase();
        }
        if (mac()) {
            return home.resolve("Library").resolve("Application Support").resolve("CreditDesk");
        }
        return xdg("XDG_DATA_HOME", ".local/share");
    }

    /** What can be computed again (the peer index, the native libraries): {@code creditdesk.cache} if set. */
    public Path cache() {
        String chosen = System.getProperty("creditdesk.cache");
        if (chosen != null) {
            return Path.of(chosen);
        }
        if (windows()) {
            return windowsBase().resolve("cache");
        }
        if (mac()) {
            return home.resolve("Library").resolve("Caches").resolve("CreditDesk");
        }
        return xdg("XDG_CACHE_HOME", ".cache");
    }

    /** Where versions before the installers kept the settings ({@code ~/.creditdesk}): migrated once. */
    public Path legacySettings() {
        return home.resolve(".creditdesk");
    }
}
