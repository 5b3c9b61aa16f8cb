package com.pretadepenser.creditdesk.app.theme;

import com.pretadepenser.creditdesk.engine.Palette;
import java.awt.Color;
import java.util.Locale;

/**
 * Light and dark appearance. Each theme's colours are defined once, as looked-up colours in its
 * stylesheet (light.css, dark.css: {@code -cd-panel}, {@code -cd-fg}, {@code -cd-border},
 * {@code -cd-muted}...); what JavaFX CSS cannot reach (JFreeChart and the gauge's canvas) reads
 * them from there. The data colours (Okabe-Ito, distinguishable with the common colour-vision
 * deficiencies) are the engine's {@link Palette}, shared with the PDF report, and reach the
 * stylesheets as looked-up colours too ({@link #paletteStyle()}: {@code -cd-green}, {@code -cd-vermilion}...).
 */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    /** The data colours, one definition for the dashboard and the report: {@link Palette}. */
    public static final Color VERMILION = Palette.VERMILION;
    public static final Color BLUE = Palette.BLUE;
    public static final Color ORANGE = Palette.ORANGE;
    public static final Color YELLOW = Palette.YELLOW;
    public static final Color GREEN = Palette.GREEN;
    public static final Color SKY = Palette.SKY;
    public static final Color PURPLE = Palette.PURPLE;

    private final String stylesheet;
    private final Color background;
    private final Color foreground;
    private final Color grid;
    private final Color muted;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
        java.util.Map<String, Color> colours = lookedUpColours(stylesheet);
        this.background = required(colours, "-cd-panel", stylesheet);
        this.foreground = required(colours, "-cd-fg", stylesheet);
        this.grid = required(colours, "-cd-border", stylesheet);
        this.muted = required(colours, "-cd-muted", stylesheet);
    }

    /** The looked-up colours a stylesheet defines ({@code -cd-name: #RRGGBB;}), by name. */
    static java.util.Map<String, Color> lookedUpColours(String stylesheet) {
        try (java.io.InputStream in = Theme.class.getResourceAsStream(stylesheet)) {
            if (in == null) {
                throw new IllegalStateException("no stylesheet " + stylesheet + " beside " + Theme.class.getName());
            }
            String css = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.Map<String, Color> colours = new java.util.LinkedHashMap<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-cd-[a-z-]+)\\s*:\\s*#([0-9A-Fa-f]{6})\\s*;").matcher(css);
            while (m.find()) {
                colours.put(m.group(1), new Color(Integer.parseInt(m.group(2), 16)));
            }
            return colours;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Color required(java.util.Map<String, Color> colours, String name, String stylesheet) {
        Color colour = colours.get(name);
        if (colour == null) {
            throw new IllegalStateException(stylesheet + " defines no " + name);
        }
        return colour;
    }

    /**
     * The engine's palette as looked-up colours, set on the scene's root: the stylesheets name
     * {@code -cd-green}, {@code -cd-vermilion}, {@code -cd-yellow}, {@code -cd-ink}... and never a hex value of their own.
     */
    public static String paletteStyle() {
        StringBuilder style = new StringBuilder();
        java.util.Map.of("-cd-vermilion", Palette.VERMILION, "-cd-blue", Palette.BLUE, "-cd-orange", Palette.ORANGE,
                "-cd-yellow", Palette.YELLOW, "-cd-green", Palette.GREEN, "-cd-sky", Palette.SKY, "-cd-purple", Palette.PURPLE,
                "-cd-ink", Palette.INK).entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> style.append(e.getKey()).append(": ").append(hex(e.getValue())).append("; "));
        return style.toString().strip();
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Dresses a scene in this theme: the shared rules, this theme's colours, the palette's on the root. */
    public void applyTo(javafx.scene.Scene scene) {
        scene.getRoot().setStyle(paletteStyle());
        scene.getStylesheets().setAll(Theme.class.getResource("base.css").toExternalForm(), stylesheet());
    }

    public String stylesheet() {
        return Theme.class.getResource(stylesheet).toExternalForm();
    }

    public Color background() {
        return background;
    }

    public Color foreground() {
        return foreground;
    }

    public Color grid() {
        return grid;
    }

    public Color muted() {
        return muted;
    }

    /** Colour of a risk band, from safe to very high. */
    public static Color band(int ordinal) {
        return Palette.band(ordinal);
    }

    public static javafx.scene.paint.Color fx(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    public static Theme parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return LIGHT;
        }
    }
}
