package com.pretadepenser.creditdesk.engine.features;

import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A one-line English description of any feature the pipeline makes, for model cards and tooltips. */
public final class FeatureDescriptions {
    private static final Map<String, String> RATIOS = Map.of(
            "DAYS_EMPLOYED_PERC", "Share of the client's life spent in the current job (employment days / age in days).",
            "INCOME_CREDIT_PERC", "Income relative to the credit amount (income / credit).",
            "INCOME_PER_PERSON", "Income per household member (income / family members).",
            "ANNUITY_INCOME_PERC", "Share of income taken by the loan's annuity (annuity / income).",
            "PAYMENT_RATE", "Annuity relative to the credit amount (annuity / credit): a short loan has a high rate.");
    private static final Map<String, String> SOURCES = new LinkedHashMap<>();
    private static final Map<String, String> AGGREGATIONS = Map.of(
            "MIN", "minimum", "MAX", "maximum", "MEAN", "mean", "SUM", "sum", "VAR", "variance",
            "SIZE", "number of records", "NUNIQUE", "number of distinct values");

    static {
        SOURCES.put("BURO_", "all credits at other institutions (credit bureau)");
        SOURCES.put("ACTIVE_", "active credits at other institutions");
        SOURCES.put("CLOSED_", "closed credits at other institutions");
        SOURCES.put("PREV_", "all previous applications at Home Credit");
        SOURCES.put("APPROVED_", "approved previous applications");
        SOURCES.put("REFUSED_", "refused previous applications");
        SOURCES.put("POS_", "monthly balances of previous POS and cash loans");
        SOURCES.put("INSTAL_", "instalment payments of previous credits");
        SOURCES.put("CC_", "monthly balances of previous credit cards");
    }

    private FeatureDescriptions() {
    }

    public static String describe(String feature) {
        if (RATIOS.containsKey(feature)) {
            return RATIOS.get(feature);
        }
        var column = HomeCreditSchema.get().column(HomeCreditTable.APPLICATION_TRAIN, feature);
        if (column.isPresent()) {
            return column.get().labelEn() + ": " + column.get().description();
        }
        if (feature.endsWith("_COUNT")) {
            String prefix = feature.substring(0, feature.length() - "COUNT".length());
            return "Number of records in the client's " + SOURCES.getOrDefault(prefix, "history") + ".";
        }
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            if (feature.startsWith(source.getKey())) {
                String rest = feature.substring(source.getKey().length());
                int cut = rest.lastIndexOf('_');
                String aggregation = cut < 0 ? "" : rest.substring(cut + 1);
                String what = cut < 0 ? rest : rest.substring(0, cut);
                return "%s of %s over the client's %s.".formatted(
                        capitalise(AGGREGATIONS.getOrDefault(aggregation, aggregation.toLowerCase(Locale.ROOT))),
                        what, source.getValue());
            }
        }
        return feature;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
