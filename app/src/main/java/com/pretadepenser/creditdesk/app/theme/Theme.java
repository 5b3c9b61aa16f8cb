package com.pretadepenser.creditdesk.app.theme;

import com.pretadepenser.creditdesk.engine.Palette;
import java.awt.Color;
import java.util.Locale;

/**
 * Light and dark appearance: a stylesheet of looked-up colours for the controls, and the same
 * colours for what JavaFX CSS cannot reach (JFreeChart and the gauge's canvas). Data colours come
 * from the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies.
 */
public enum Theme {
    LIGHT("light.css", Color.WHITE, Palette.INK, Palette.RULE, Palette.MUTED),
    DARK("dark.css", new Color(0x22272E), new Color(0xE6EDF3), new Color(0x444C56), new Color(0xA8B3BD));

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

    Theme(String stylesheet, Color background, Color foreground, Color grid, Color muted) {
        this.stylesheet = stylesheet;
        this.background = background;
        this.foreground = foreground;
        this.grid = grid;
        this.muted = muted;
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
