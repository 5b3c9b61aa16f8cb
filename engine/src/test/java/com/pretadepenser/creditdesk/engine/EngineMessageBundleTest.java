package com.pretadepenser.creditdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.data.CsvTableReader;
import com.pretadepenser.creditdesk.engine.data.DataFormatException;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every engine sentence exists in English and French with the same placeholders, and a real failure reads in both. */
class EngineMessageBundleTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    @TempDir
    Path dir;

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EngineText.class.getResourceAsStream("errors_" + language + ".properties");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    private static Set<String> keys() {
        return Arrays.stream(EngineMessage.values()).map(EngineMessage::key).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyKeyIsInBothBundlesAndNoOther() throws IOException {
        assertEquals(keys(), new TreeSet<>(bundle("en").stringPropertyNames()), "English bundle");
        assertEquals(keys(), new TreeSet<>(bundle("fr").stringPropertyNames()), "French bundle");
    }

    @Test
    void keysAreDistinct() {
        assertEquals(EngineMessage.values().length, keys().size());
    }

    @Test
    void frenchAndEnglishUseTheSamePlaceholders() throws IOException {
        Properties english = bundle("en");
        Properties french = bundle("fr");
        for (EngineMessage message : EngineMessage.values()) {
            assertEquals(placeholders(english.getProperty(message.key())), placeholders(french.getProperty(message.key())),
                    message.key());
        }
    }

    @Test
    void everyPatternFormatsInBothLanguages() throws IOException {
        for (String language : new String[] {"en", "fr"}) {
            Properties bundle = bundle(language);
            for (EngineMessage message : EngineMessage.values()) {
                String pattern = bundle.getProperty(message.key());
                Object[] args = new Object[placeholders(pattern).stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
                Arrays.fill(args, 2);
                String text = EngineText.format(Locale.forLanguageTag(language), message, args);
                assertFalse(text.isBlank(), message.key());
                assertFalse(text.contains("{"), language + " " + message.key() + ": " + text);
                // A single quote left undoubled swallows the rest of the sentence; a doubled one prints once.
                assertEquals(pattern.replace("''", "").chars().filter(c -> c == '\'').count(), 0L,
                        language + " " + message.key() + " has an undoubled quote: " + pattern);
            }
        }
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        new MessageFormat(pattern); // throws on a malformed pattern
        return found;
    }

    @Test
    void englishByDefaultFrenchOnRequestForAMissingDataset() {
        Path missing = dir.resolve("nowhere");

        CreditDeskException e = assertThrows(CreditDeskException.class, () -> LocalDataset.open(missing));

        assertEquals(EngineMessage.DATASET_NO_MANIFEST, e.key());
        assertEquals(missing + " is not a CreditDesk dataset (no manifest.json). Import a folder of Kaggle CSV files first: "
                + "creditdesk import --from CSV_FOLDER --to " + missing, e.getMessage());
        assertEquals(e.getMessage(), e.getLocalizedMessage(Locale.ENGLISH));
        assertEquals(e.getMessage(), e.getLocalizedMessage(Locale.GERMAN));
        assertEquals(missing + " n'est pas un jeu de données CreditDesk (pas de manifest.json). Importez d'abord un dossier "
                + "de fichiers CSV Kaggle : creditdesk import --from CSV_FOLDER --to " + missing, e.getLocalizedMessage(Locale.FRENCH));
        assertEquals(e.getLocalizedMessage(Locale.FRENCH), e.getLocalizedMessage(Locale.CANADA_FRENCH));
    }

    @Test
    void aMalformedCsvReadsInFrenchWithTheNestedProblemInFrenchToo() throws IOException {
        Path file = dir.resolve("bureau.csv");
        Files.writeString(file, "SK_ID_CURR,SK_ID_BUREAU\n100002,7\n");

        DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvTableReader().read(HomeCreditTable.BUREAU, file));

        assertTrue(e.getMessage().startsWith(file + ": missing required columns "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Is this really bureau.csv in the Kaggle Home Credit layout?"), e.getMessage());
        String french = e.getLocalizedMessage(Locale.FRENCH);
        assertTrue(french.startsWith(file + " : colonnes obligatoires manquantes : "), french);
        assertTrue(french.endsWith("Est-ce bien bureau.csv au format Kaggle Home Credit ?"), french);
        assertNotEquals(e.getMessage(), french);
    }
}
