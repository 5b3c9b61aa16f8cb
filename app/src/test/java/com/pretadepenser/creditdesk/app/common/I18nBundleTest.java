package com.pretadepenser.creditdesk.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.app.main.MainView;
import com.pretadepenser.creditdesk.app.peers.PeersViewModel;
import com.pretadepenser.creditdesk.app.theme.Theme;
import com.pretadepenser.creditdesk.engine.scoring.RiskBand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text exists in English and French, every key the code names exists, and every pattern parses. */
class I18nBundleTest {
    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream("/com/pretadepenser/creditdesk/app/i18n/messages_" + language + ".properties")) {
            p.load(in);
        }
        return p;
    }

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        Set<String> english = new TreeSet<>(bundle("en").stringPropertyNames());
        Set<String> french = new TreeSet<>(bundle("fr").stringPropertyNames());

        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(french);
        Set<String> onlyFrench = new TreeSet<>(french);
        onlyFrench.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "missing in French");
        assertEquals(Set.of(), onlyFrench, "missing in English");
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Properties english = bundle("en");
        List<String> keys = new ArrayList<>(keysInSource());
        for (RiskBand band : RiskBand.values()) {
            keys.add("band." + band.name());
        }
        for (PeersViewModel.Group group : PeersViewModel.Group.values()) {
            keys.add("peers.group." + group.name());
        }
        for (PeersViewModel.ColourBy colour : PeersViewModel.ColourBy.values()) {
            keys.add("peers.colour." + colour.name());
        }
        for (Theme theme : Theme.values()) {
            keys.add("theme." + theme.name());
        }
        for (String tab : MainView.TABS) {
            keys.add("tab." + tab);
        }
        assertTrue(keys.size() > 150, "the scan found the keys: " + keys.size());
        List<String> missing = keys.stream().filter(k -> !english.containsKey(k)).distinct().toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void everyPatternIsAValidMessageFormatInBothLanguages() throws IOException {
        for (String language : List.of("en", "fr")) {
            Properties texts = bundle(language);
            for (String key : texts.stringPropertyNames()) {
                String pattern = texts.getProperty(key);
                MessageFormat format = new MessageFormat(pattern, java.util.Locale.forLanguageTag(language));
                Object[] args = {3, 12.5, 7, 1.5};
                String formatted = format.format(args);
                assertTrue(!formatted.contains("''"), language + " " + key + " shows a doubled quote: " + formatted);
            }
        }
    }

    @Test
    void everyApostropheIsDoubledAsMessageFormatWants() throws IOException {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String language : List.of("en", "fr")) {
            Properties texts = bundle(language);
            List<String> wrong = texts.stringPropertyNames().stream().filter(k -> lone.matcher(texts.getProperty(k)).find()).sorted().toList();
            assertEquals(List.of(), wrong, language + ": a lone ' would vanish from the text");
        }
    }

    @Test
    void frenchChildrenAndYearsAgreeInNumber() {
        I18n i18n = new I18n(java.util.Locale.FRENCH);
        assertEquals("sans enfant", i18n.get("card.children", 0));
        assertEquals("1 enfant", i18n.get("card.children", 1));
        assertEquals("3 enfants", i18n.get("card.children", 3));
        assertEquals("moins d\u2019un an", i18n.get("card.years", 0.0));
        assertEquals("46 ans", i18n.get("card.years", 46.0));
        assertEquals("1 (1 accept\u00e9e, aucune refus\u00e9e)", i18n.get("card.previousValue", 1, 1, 0));
        assertEquals("1 cr\u00e9dit, 1 en cours, 0 en retard", i18n.get("card.bureauValue", 1, 1, 0));
        assertEquals("!no.such.key!", i18n.get("no.such.key"));
    }

    /** Keys named as string literals in the code: i18n.get/text("..."), item/tab/title("..."), field label keys. */
    private static Set<String> keysInSource() throws IOException {
        Pattern call = Pattern.compile("(?:get|text|item|tab)\\(\"([a-zA-Z]+(?:\\.[a-zA-Z]+)+)\"");
        Pattern labelKey = Pattern.compile("\"(field\\.[a-zA-Z0-9]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern p : List.of(call, labelKey)) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        keys.removeIf(k -> k.startsWith("creditdesk.") || k.startsWith("window.") || k.startsWith("recent.clients")
                || k.startsWith("folder.") || k.endsWith(".css") || k.endsWith(".json") || k.endsWith(".properties"));
        return keys;
    }
}
