package com.pretadepenser.creditdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserFoldersTest {
    private static final Path HOME = Path.of("/home/officer");
    private String settings;
    private String cache;

    @BeforeEach
    void withoutOverrides() {
        settings = System.clearProperty("creditdesk.settings");
        cache = System.clearProperty("creditdesk.cache");
    }

    @AfterEach
    void restore() {
        if (settings != null) {
            System.setProperty("creditdesk.settings", settings);
        }
        if (cache != null) {
            System.setProperty("creditdesk.cache", cache);
        }
    }

    @Test
    void linuxFollowsTheXdgFoldersAndTheirDefaults() {
        UserFolders plain = new UserFolders("Linux", HOME, Map.of());
        assertEquals(HOME.resolve(".config/creditdesk"), plain.settings());
        assertEquals(HOME.resolve(".local/share/creditdesk"), plain.data());
        assertEquals(HOME.resolve(".cache/creditdesk"), plain.cache());
        UserFolders xdg = new UserFolders("Linux", HOME, Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data",
                "XDG_CACHE_HOME", "relative/ignored"));
        assertEquals(Path.of("/cfg/creditdesk"), xdg.settings());
        assertEquals(Path.of("/data/creditdesk"), xdg.data());
        assertEquals(HOME.resolve(".cache/creditdesk"), xdg.cache(), "a relative XDG path is ignored, as the specification says");
    }

    @Test
    void windowsAndMacUseTheirPerUserFolders() {
        Path local = Path.of("/Users/o/AppData/Local");
        UserFolders windows = new UserFolders("Windows 11", HOME, Map.of("LOCALAPPDATA", local.toString()));
        assertEquals(local.resolve("CreditDesk"), windows.settings());
        assertEquals(local.resolve("CreditDesk"), windows.data());
        assertEquals(local.resolve("CreditDesk").resolve("cache"), windows.cache());
        UserFolders mac = new UserFolders("Mac OS X", HOME, Map.of());
        assertEquals(HOME.resolve("Library/Application Support/CreditDesk"), mac.settings());
        assertEquals(HOME.resolve("Library/Caches/CreditDesk"), mac.cache());
        assertEquals(HOME.resolve(".creditdesk"), mac.legacySettings());
    }

    @Test
    void thePropertiesNameOtherFolders() {
        System.setProperty("creditdesk.settings", "/scratch/settings");
        System.setProperty("creditdesk.cache", "/scratch/cache");
        UserFolders linux = new UserFolders("Linux", HOME, Map.of());
        assertEquals(Path.of("/scratch/settings"), linux.settings());
        assertEquals(Path.of("/scratch/cache"), linux.cache());
        System.clearProperty("creditdesk.settings");
        System.clearProperty("creditdesk.cache");
    }
}
