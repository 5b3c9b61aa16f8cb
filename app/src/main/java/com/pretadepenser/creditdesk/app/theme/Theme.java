package com.pretadepenser.creditdesk.app.theme;

import java.awt.Color;
import java.util.Locale;

/**
 * Light and dark appearance: a stylesheet of looked-up colours for the controls, and the same
 * colours for what JavaFX CSS cannot reach (JFreeChart and the gauge's canvas). Data colours come
 * from the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies.
 */
public enum Theme {
    LIGHT("light.css", new Color(0xFFFFFF), new Color(0x1F2328), new Color(0xD0D7DE), new Color(0x57606A)),
    DARK("dark.css", new Color(0x22272E), new Color(0xE6EDF3), new Color(0x444C56), new Color(0xA8B3BD));

    /** Okabe-Ito: raises risk / defaulters. */
    public static final Color VERMILION = new Color(0xD55E00);
    /** Okabe-Ito: lowers risk / repayers. */
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color SKY = new Color(0x56B4E9);
    public static final Color PURPLE = new Color(0xCC79A7);

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
        return switch (ordinal) {
            case 0 -> GREEN;
            case 1 -> YELLOW;
            case 2 -> ORANGE;
            default -> VERMILION;
        };
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
