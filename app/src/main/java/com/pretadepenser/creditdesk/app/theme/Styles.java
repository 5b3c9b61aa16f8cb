package com.pretadepenser.creditdesk.app.theme;

/** Style-class names used from code, in one place so the stylesheets and the views agree. */
public final class Styles {
    public static final String TITLE = "cd-title";
    public static final String SUBTITLE = "cd-subtitle";
    public static final String MUTED = "cd-muted";
    public static final String ERROR = "cd-error";
    public static final String PANEL = "cd-panel";
    public static final String DEMO_BADGE = "cd-demo-badge";
    public static final String GRANTED = "cd-granted";
    public static final String REFUSED = "cd-refused";
    public static final String DECISION = "cd-decision";
    public static final String BIG_NUMBER = "cd-big-number";
    public static final String FACT_LABEL = "cd-fact-label";
    public static final String FACT_VALUE = "cd-fact-value";
    public static final String SECTION = "cd-section";
    public static final String STATUS_BAR = "cd-status-bar";
    public static final String FIELD_ERROR = "cd-field-error";
    public static final String SUGGESTION = "cd-suggestion";

    private Styles() {
    }
}
