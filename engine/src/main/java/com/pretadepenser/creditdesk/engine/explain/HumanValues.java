package com.pretadepenser.creditdesk.engine.explain;

import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * A feature's value as an officer says it: age in years (not DAYS_BIRTH = -12005), employment in
 * years, dates as "3.2 years ago", amounts with thousands separators, ratios and shares as
 * percentages, external scores to two decimals, yes/no flags, category names in the reader's language ({@link Levels}).
 */
public final class HumanValues {
    private static final double DAYS_PER_YEAR = 365.25;

    private final FeatureSchema schema;
    private final Locale locale;
    private final boolean french;

    public HumanValues(FeatureSchema schema, Locale locale) {
        this.schema = schema;
        this.locale = locale;
        this.french = locale.getLanguage().equals("fr");
    }

    /**
     * Whether a person reads the feature the other way round from its value: day counts before the
     * application are negative, and read as time ago (age, years employed), so a larger value is a
     * shorter time.
     */
    public static boolean readsBackwards(String feature) {
        return feature.contains("DAYS_") && !feature.endsWith("_VAR") && !feature.contains("_PERC");
    }

    public String format(String feature, double value) {
        if (Double.isNaN(value)) {
            return french ? "inconnu" : "unknown";
        }
        if (FeaturePipeline.isCategorical(feature)) {
            List<String> levels = schema.levels(HomeCreditTable.APPLICATION_TRAIN, feature);
            int code = (int) value;
            return code >= 0 && code < levels.size() ? Levels.label(levels.get(code), locale) : (french ? "inconnu" : "unknown");
        }
        if (feature.equals("DAYS_BIRTH")) {
            return years((long) Math.floor(-value / DAYS_PER_YEAR));
        }
        if (feature.equals("DAYS_EMPLOYED")) {
            return decimal(-value / DAYS_PER_YEAR, 1) + (french ? " ans" : " years");
        }
        if (feature.startsWith("EXT_SOURCE")) {
            return decimal(value, 2);
        }
        if (feature.endsWith("_PERC") || feature.equals("PAYMENT_RATE") || isShare(feature)) {
            return decimal(100 * value, 1) + " %";
        }
        if (feature.contains("AMT_") && !feature.endsWith("_VAR") && !feature.startsWith("AMT_REQ")) {
            return decimal(value, 0);
        }
        if (feature.contains("DAYS_") && !feature.endsWith("_VAR")) {
            return daysRelative(value);
        }
        if (feature.startsWith("FLAG_") || feature.startsWith("REG_") || feature.startsWith("LIVE_")) {
            return value == 1 ? (french ? "oui" : "yes") : value == 0 ? (french ? "non" : "no") : decimal(value, 2);
        }
        if (value == Math.rint(value)) {
            return decimal(value, 0);
        }
        return decimal(value, 2);
    }

    /** A one-hot level share aggregated per client (e.g. PREV_NAME_CONTRACT_STATUS_Refused_MEAN, BURO_STATUS_1_MEAN_MEAN). */
    private static boolean isShare(String feature) {
        HomeCreditTable source = FeaturePipeline.sourceTable(feature);
        if (source == null || !feature.endsWith("_MEAN")) {
            return false;
        }
        String rest = feature.substring(feature.indexOf('_') + 1);
        if (rest.startsWith("STATUS_")) {
            return true;
        }
        return HomeCreditSchema.get().columns(source).stream()
                .anyMatch(c -> !c.isNumber() && rest.startsWith(c.name() + "_"));
    }

    private String daysRelative(double days) {
        double magnitude = Math.abs(days);
        String amount = magnitude >= DAYS_PER_YEAR ? decimal(magnitude / DAYS_PER_YEAR, 1) + (french ? " ans" : " years")
                : decimal(magnitude, 0) + (french ? " jours" : " days");
        if (days < 0) {
            return french ? "il y a " + amount : amount + " ago";
        }
        return days == 0 ? (french ? "aujourd'hui" : "today") : (french ? "dans " + amount : "in " + amount);
    }

    private String years(long years) {
        return years + (french ? " ans" : " years");
    }

    private String decimal(double value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(digits);
        format.setMinimumFractionDigits(digits);
        return format.format(value);
    }
}
