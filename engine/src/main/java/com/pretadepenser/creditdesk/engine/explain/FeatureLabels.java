package com.pretadepenser.creditdesk.engine.explain;

import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.FeatureGroup;
import com.pretadepenser.creditdesk.engine.features.FeatureTexts;
import java.util.Locale;
import java.util.Optional;

/**
 * French and English names of features. Application columns take the schema's officer labels;
 * ratios have their own; history aggregates are composed from their group ({@link FeatureGroup}),
 * the statistic and the column's label ("Mean of credits at other lenders: Credit amount"). The
 * words are in {@link FeatureTexts}.
 */
public final class FeatureLabels {
    private FeatureLabels() {
    }

    public static String label(String feature, Locale locale) {
        boolean fr = locale.getLanguage().equals("fr");
        if (FeatureTexts.has("ratio." + feature)) {
            return FeatureTexts.text("ratio." + feature, locale);
        }
        Optional<ColumnSpec> column = HomeCreditSchema.get().column(HomeCreditTable.APPLICATION_TRAIN, feature);
        if (column.isPresent()) {
            return fr ? column.get().labelFr() : column.get().labelEn();
        }
        return FeatureGroup.of(feature)
                .map(group -> capitalise(aggregate(feature.substring(group.prefix().length()), group, locale)))
                .orElse(feature);
    }

    private static String aggregate(String rest, FeatureGroup group, Locale locale) {
        String where = FeatureTexts.text(group.labelKey(), locale);
        if (rest.equals(FeatureGroup.COUNT)) {
            return FeatureTexts.format("pattern.count", locale, where);
        }
        int cut = rest.lastIndexOf('_');
        String statistic = cut < 0 ? "" : rest.substring(cut + 1);
        String column = cut < 0 ? rest : rest.substring(0, cut);
        String what = describeColumn(column, group.source(), locale);
        if (!FeatureTexts.has("statistic." + statistic)) {
            return FeatureTexts.format("pattern.unknownStatistic", locale, where, "", what);
        }
        return FeatureTexts.format("pattern.aggregate", locale, where, FeatureTexts.text("statistic." + statistic, locale), what);
    }

    private static String describeColumn(String column, HomeCreditTable table, Locale locale) {
        boolean fr = locale.getLanguage().equals("fr");
        if (FeatureTexts.has("derived." + column)) {
            return FeatureTexts.text("derived." + column, locale);
        }
        Optional<ColumnSpec> spec = HomeCreditSchema.get().column(table, column);
        if (spec.isPresent()) {
            return fr ? spec.get().labelFr() : spec.get().labelEn();
        }
        // One-hot shares, e.g. CREDIT_ACTIVE_Active: "share with <column label> = level".
        for (ColumnSpec candidate : HomeCreditSchema.get().columns(table)) {
            if (!candidate.isNumber() && column.startsWith(candidate.name() + "_")) {
                String level = column.substring(candidate.name().length() + 1).replace('_', ' ');
                return FeatureTexts.format("pattern.share", locale,
                        (fr ? candidate.labelFr() : candidate.labelEn()).toLowerCase(Locale.ROOT), level);
            }
        }
        if (column.startsWith("STATUS_")) {
            String status = column.substring("STATUS_".length()).replace("_MEAN", "");
            return FeatureTexts.format("pattern.status", locale, status);
        }
        return column;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
