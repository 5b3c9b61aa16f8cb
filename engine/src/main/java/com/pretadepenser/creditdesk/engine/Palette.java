package com.pretadepenser.creditdesk.engine;

import java.awt.Color;

/**
 * The data colours of every picture CreditDesk draws (the dashboard's charts and gauge, the client
 * report): the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies, and
 * the risk bands' colours from safe to very high. Defined here once; the dashboard's stylesheets
 * hold the colours of the controls.
 */
public final class Palette {
    /** Raises risk / defaulters; the very high band. */
    public static final Color VERMILION = new Color(0xD55E00);
    /** Lowers risk / repayers. */
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color SKY = new Color(0x56B4E9);
    public static final Color PURPLE = new Color(0xCC79A7);
    /** Text and lines on white (the light theme's foreground and muted grey; the report's ink). */
    public static final Color INK = new Color(0x1F2328);
    public static final Color MUTED = new Color(0x57606A);
    public static final Color RULE = new Color(0xD0D7DE);

    private Palette() {
    }

    /** The colour of a risk band, from safe (0) to very high (3). */
    public static Color band(int ordinal) {
        return switch (ordinal) {
            case 0 -> GREEN;
            case 1 -> YELLOW;
            case 2 -> ORANGE;
            default -> VERMILION;
        };
    }
}
