package com.pretadepenser.creditdesk.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FeatureTextsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void frenchAndEnglishHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = load("features_en.properties");
        Properties fr = load("features_fr.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(fr.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(fr.getProperty(key)), key);
            assertFalse(fr.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void everyGroupAndFamilyHasItsWordsInBothLanguages() {
        for (FeatureGroup group : FeatureGroup.values()) {
            assertNotEquals(FeatureTexts.text(group.labelKey(), Locale.ENGLISH), FeatureTexts.text(group.labelKey(), Locale.FRENCH),
                    group.name());
        }
        for (FeatureFamily family : FeatureFamily.values()) {
            assertNotEquals(family.label(Locale.ENGLISH), family.label(Locale.FRENCH), family.name());
            assertEquals(family.absent(Locale.ENGLISH).isPresent(), family.absent(Locale.FRENCH).isPresent(), family.name());
        }
    }

    @Test
    void theCatalogueFindsEachFeatureItsGroupTableAndFamily() {
        assertEquals(FeatureGroup.ACTIVE_BUREAU, FeatureGroup.of("ACTIVE_AMT_CREDIT_SUM_MEAN").orElseThrow());
        assertEquals(HomeCreditTable.INSTALLMENTS_PAYMENTS, FeaturePipeline.sourceTable("INSTAL_DPD_MAX"));
        assertEquals(FeatureFamily.CARD_USAGE, FeatureFamily.of("CC_AMT_BALANCE_MEAN"));
        assertEquals("POS_COUNT", FeatureGroup.POS_CASH.feature(FeatureGroup.COUNT));
        assertTrue(FeatureGroup.of("AMT_CREDIT").isEmpty());
        assertEquals(null, FeaturePipeline.sourceTable("EXT_SOURCE_2"));
        // the prefixes are disjoint: no feature name could belong to two groups
        Set<String> prefixes = new TreeSet<>();
        for (FeatureGroup group : FeatureGroup.values()) {
            for (FeatureGroup other : FeatureGroup.values()) {
                assertTrue(group == other || !group.prefix().startsWith(other.prefix()), group + " vs " + other);
            }
            assertTrue(prefixes.add(group.prefix()));
        }
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = FeatureTexts.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
