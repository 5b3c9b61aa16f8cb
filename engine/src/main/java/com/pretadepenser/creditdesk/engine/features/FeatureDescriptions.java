package com.pretadepenser.creditdesk.engine.features;

import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A one-line English description of any feature the pipeline makes, for model cards and tooltips. */
public final class FeatureDescriptions {
    private static final Map<String, String> RATIOS = Map.of(
            "DAYS_EMPLOYED_PERC", "Share of the client's life spent in the current job (employment days / age in days).",
            "INCOME_CREDIT_PERC", "Income relative to the credit amount (income / credit).",
            "INCOME_PER_PERSON", "Income per household member (income / family members).",
            "ANNUITY_INCOME_PERC", "Share of income taken by the loan's annuity (annuity / income).",
            "PAYMENT_RATE", "Annuity relative to the credit amount (annuity / credit): a short loan has a high rate.");
    private static final Map<String, String> AGGREGATIONS = Map.of(
            "MIN", "minimum", "MAX", "maximum", "MEAN", "mean", "SUM", "sum", "VAR", "variance",
            "SIZE", "number of records", "NUNIQUE", "number of distinct values");

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
        Optional<FeatureGroup> group = FeatureGroup.of(feature);
        if (group.isEmpty()) {
            return feature;
        }
        String rest = feature.substring(group.get().prefix().length());
        if (rest.equals(FeatureGroup.COUNT)) {
            return "Number of records in the client's " + group.get().description() + ".";
        }
        int cut = rest.lastIndexOf('_');
        String aggregation = cut < 0 ? "" : rest.substring(cut + 1);
        String what = cut < 0 ? rest : rest.substring(0, cut);
        return "%s of %s over the client's %s.".formatted(
                capitalise(AGGREGATIONS.getOrDefault(aggregation, aggregation.toLowerCase(Locale.ROOT))),
                what, group.get().description());
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
