package com.pretadepenser.creditdesk.app.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.Palette;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each colour is defined once: the themes' in their stylesheets, the data colours in the engine's palette. */
class ThemeTest {
    private static String css(String name) throws IOException {
        try (InputStream in = Theme.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theChartsColoursAreTheStylesheetsOwn() {
        assertEquals(Color.WHITE, Theme.LIGHT.background());
        assertEquals(Palette.INK, Theme.LIGHT.foreground(), "light text is the report's ink");
        assertEquals(new Color(0x22272E), Theme.DARK.background());
        assertEquals(new Color(0xE6EDF3), Theme.DARK.foreground());
        assertEquals(Theme.lookedUpColours("dark.css").get("-cd-border"), Theme.DARK.grid());
        assertEquals(Theme.lookedUpColours("light.css").get("-cd-muted"), Theme.LIGHT.muted());
    }

    @Test
    void theSharedRulesNameColoursInsteadOfRedeclaringThem() throws IOException {
        Matcher hex = Pattern.compile("#[0-9A-Fa-f]{3,8}\\b").matcher(css("base.css"));
        assertFalse(hex.find(), "base.css declares a colour of its own: " + (hex.hitEnd() ? "" : hex.group()));
    }

    @Test
    void everyLookedUpColourTheRulesUseIsDefinedInBothThemes() throws IOException {
        Set<String> palette = new HashSet<>();
        Matcher defined = Pattern.compile("(-cd-[a-z-]+):").matcher(Theme.paletteStyle());
        while (defined.find()) {
            palette.add(defined.group(1));
        }
        assertTrue(palette.contains("-cd-green") && palette.contains("-cd-vermilion"), Theme.paletteStyle());
        assertTrue(Theme.paletteStyle().contains("-cd-green: #009E73;"), "the palette's green as the report prints it");
        Matcher used = Pattern.compile("(-cd-[a-z-]+)\\s*[;,)]").matcher(css("base.css"));
        int count = 0;
        while (used.find()) {
            String name = used.group(1);
            count++;
            for (Theme theme : Theme.values()) {
                String file = theme.name().toLowerCase(java.util.Locale.ROOT) + ".css";
                assertTrue(palette.contains(name) || Theme.lookedUpColours(file).containsKey(name), file + " leaves " + name + " undefined");
            }
        }
        assertTrue(count > 10, "base.css names its colours: " + count);
    }
}
