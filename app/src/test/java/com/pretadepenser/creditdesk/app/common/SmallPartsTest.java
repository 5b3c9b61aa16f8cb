package com.pretadepenser.creditdesk.app.common;

import com.pretadepenser.creditdesk.engine.explain.Levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {
    @TempDir
    Path dir;

    @Test
    void numbersAreReadAsTypedInEitherLanguage() {
        assertEquals(OptionalDouble.of(450_000), Numbers.parse("450,000", Locale.ENGLISH));
        assertEquals(OptionalDouble.of(450_000), Numbers.parse("450 000", Locale.FRENCH));
        assertEquals(OptionalDouble.of(450_000), Numbers.parse("450\u202f000", Locale.FRENCH));
        assertEquals(OptionalDouble.of(12.5), Numbers.parse("12,5", Locale.FRENCH));
        assertEquals(OptionalDouble.of(12.5), Numbers.parse("12.5", Locale.ENGLISH));
        assertEquals(OptionalDouble.empty(), Numbers.parse("12abc", Locale.ENGLISH));
        assertEquals(OptionalDouble.empty(), Numbers.parse("", Locale.ENGLISH));
        assertEquals(OptionalDouble.empty(), Numbers.parse("1.2.3", Locale.ENGLISH));
        assertEquals(OptionalDouble.empty(), Numbers.parse("2,5", Locale.ENGLISH), "a decimal comma in English is refused, not read as 25");
        assertEquals(OptionalDouble.of(1_234_567.5), Numbers.parse("1,234,567.5", Locale.ENGLISH));
    }

    @Test
    void settingsSurviveARestartAndAreWrittenWhole() {
        AppSettings settings = new AppSettings(dir);
        settings.setWindowBounds(10, 20, 1200, 800);
        settings.setWindowMaximized(true);
        settings.setLanguage(Locale.FRENCH);
        settings.setTheme("dark");
        settings.setRecentClients(List.of(3, 2, 1));
        settings.save();

        AppSettings again = new AppSettings(dir);
        assertEquals(10, again.windowBounds().orElseThrow()[0]);
        assertEquals(800, again.windowBounds().orElseThrow()[3]);
        assertTrue(again.windowMaximized());
        assertEquals(Locale.FRENCH, again.language().orElseThrow());
        assertEquals("dark", again.theme().orElseThrow());
        assertEquals(List.of(3, 2, 1), again.recentClients());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("settings.properties")), files.toList(), "no temporary file left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void damagedSettingsFallBackToDefaults() throws IOException {
        Files.writeString(dir.resolve("settings.properties"), "window.bounds=a,b\nrecent.clients=7,x,9\nlanguage=fr\n\\u12");

        AppSettings settings = new AppSettings(dir);

        assertTrue(settings.language().isEmpty(), "nothing read from a damaged file");
        assertEquals(List.of(), settings.recentClients());
        assertTrue(settings.windowBounds().isEmpty());
    }

    @Test
    void handEditedRecentListKeepsItsGoodEntries() throws IOException {
        Files.writeString(dir.resolve("settings.properties"), "recent.clients=7, x ,9\n");

        assertEquals(List.of(7, 9), new AppSettings(dir).recentClients());
    }

    @Test
    void categoryValuesAreFrenchInFrenchAndAsWrittenInEnglish() {
        assertEquals("Pr\u00eat personnel", Levels.label("Cash loans", Locale.FRENCH));
        assertEquals("Maison / appartement", Levels.label("House / apartment", Locale.FRENCH));
        assertEquals("Chef d'entreprise", Levels.label("Businessman", Locale.FRENCH));
        assertEquals("Cash loans", Levels.label("Cash loans", Locale.ENGLISH));
        assertEquals("Some new value", Levels.label("Some new value", Locale.FRENCH));
    }

    @Test
    void failuresReadAsOneLine() {
        assertEquals("bad thing", UserMessages.of(new IllegalArgumentException("bad thing")));
        assertEquals("bad thing", UserMessages.of(new RuntimeException(new IllegalArgumentException("bad thing"))));
        assertEquals("IllegalStateException: boom", UserMessages.of(new IllegalStateException("boom")));
    }

    @Test
    void backgroundTaskReportsSuccessOrFailureAndAlwaysEnds() {
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        StringBuilder log = new StringBuilder();

        executor.execute(BackgroundTask.of("ok", p -> 42).onDone(() -> log.append("done;")).onSuccess(v -> log.append("value ").append(v).append(';')));
        executor.execute(BackgroundTask.<Integer>of("fails", p -> {
            throw new IllegalStateException("no");
        }).onDone(() -> log.append("done;")).onFailure(e -> log.append("failed ").append(e.getMessage()).append(';')));

        assertEquals("done;value 42;done;failed no;", log.toString());
    }

    @Test
    void settingsFromTheOldFolderAreCopiedOnceAndTheOldFileLeftAsItWas() throws IOException {
        Path legacy = Files.createDirectories(dir.resolve("home/.creditdesk")).resolve(AppSettings.FILE);
        Files.writeString(legacy, "language=fr\n");
        Path current = dir.resolve("home/.config/creditdesk").resolve(AppSettings.FILE);
        AppSettings.migrate(legacy, current);
        assertEquals(Locale.FRENCH, new AppSettings(current.getParent()).language().orElseThrow());
        assertEquals("language=fr\n", Files.readString(legacy));

        Files.writeString(current, "language=en\n");
        AppSettings.migrate(legacy, current);
        assertEquals("language=en\n", Files.readString(current), "once only: the new folder's settings are never overwritten");
    }
}
