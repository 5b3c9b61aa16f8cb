package com.pretadepenser.creditdesk.engine.explain;

import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * French and English names of features. Application columns take the schema's officer labels;
 * ratios have their own; history aggregates are composed from the source, the statistic and the
 * column's label ("Mean over credits at other lenders: Credit amount").
 */
public final class FeatureLabels {
    private static final Map<String, String[]> RATIOS = Map.of(
            "DAYS_EMPLOYED_PERC", new String[] {"Share of life in current job", "Part de la vie dans l'emploi actuel"},
            "INCOME_CREDIT_PERC", new String[] {"Income / credit amount", "Revenu / montant du crédit"},
            "INCOME_PER_PERSON", new String[] {"Income per household member", "Revenu par membre du foyer"},
            "ANNUITY_INCOME_PERC", new String[] {"Repayment burden (annuity / income)", "Taux d'effort (annuité / revenu)"},
            "PAYMENT_RATE", new String[] {"Repayment rate (annuity / credit)", "Taux de remboursement (annuité / crédit)"});
    private static final Map<String, Source> SOURCES = new LinkedHashMap<>();
    private static final Map<String, String[]> STATISTICS = Map.of(
            "MIN", new String[] {"lowest", "minimum"}, "MAX", new String[] {"highest", "maximum"},
            "MEAN", new String[] {"mean", "moyenne"}, "SUM", new String[] {"total", "total"},
            "VAR", new String[] {"variance", "variance"}, "SIZE", new String[] {"number of months", "nombre de mois"},
            "NUNIQUE", new String[] {"distinct versions", "versions distinctes"});
    private static final Map<String, String[]> DERIVED = Map.of(
            "DPD", new String[] {"days late per payment", "jours de retard par paiement"},
            "DBD", new String[] {"days early per payment", "jours d'avance par paiement"},
            "PAYMENT_PERC", new String[] {"share of instalment paid", "part de l'échéance payée"},
            "PAYMENT_DIFF", new String[] {"instalment left unpaid", "reste dû par échéance"},
            "APP_CREDIT_PERC", new String[] {"amount asked / granted", "montant demandé / accordé"},
            "MONTHS_BALANCE_SIZE", new String[] {"months of history", "mois d'historique"},
            "MONTHS_BALANCE_MIN", new String[] {"oldest month of history (months ago)", "mois le plus ancien de l'historique (il y a n mois)"},
            "MONTHS_BALANCE_MAX", new String[] {"latest month of history (months ago)", "mois le plus récent de l'historique (il y a n mois)"});

    private record Source(HomeCreditTable table, String english, String french) {
    }

    static {
        SOURCES.put("BURO_", new Source(HomeCreditTable.BUREAU, "credits at other lenders", "crédits auprès d'autres prêteurs"));
        SOURCES.put("ACTIVE_", new Source(HomeCreditTable.BUREAU, "active credits at other lenders", "crédits en cours ailleurs"));
        SOURCES.put("CLOSED_", new Source(HomeCreditTable.BUREAU, "closed credits at other lenders", "crédits clos ailleurs"));
        SOURCES.put("PREV_", new Source(HomeCreditTable.PREVIOUS_APPLICATION, "previous applications", "demandes précédentes"));
        SOURCES.put("APPROVED_", new Source(HomeCreditTable.PREVIOUS_APPLICATION, "approved previous applications", "demandes précédentes acceptées"));
        SOURCES.put("REFUSED_", new Source(HomeCreditTable.PREVIOUS_APPLICATION, "refused previous applications", "demandes précédentes refusées"));
        SOURCES.put("POS_", new Source(HomeCreditTable.POS_CASH_BALANCE, "monthly balances of previous loans", "soldes mensuels des prêts précédents"));
        SOURCES.put("INSTAL_", new Source(HomeCreditTable.INSTALLMENTS_PAYMENTS, "instalment payments", "paiements d'échéances"));
        SOURCES.put("CC_", new Source(HomeCreditTable.CREDIT_CARD_BALANCE, "credit card months", "mois de carte de crédit"));
    }

    private FeatureLabels() {
    }

    public static String label(String feature, Locale locale) {
        boolean fr = locale.getLanguage().equals("fr");
        if (RATIOS.containsKey(feature)) {
            return RATIOS.get(feature)[fr ? 1 : 0];
        }
        Optional<ColumnSpec> column = HomeCreditSchema.get().column(HomeCreditTable.APPLICATION_TRAIN, feature);
        if (column.isPresent()) {
            return fr ? column.get().labelFr() : column.get().labelEn();
        }
        for (Map.Entry<String, Source> source : SOURCES.entrySet()) {
            if (feature.startsWith(source.getKey())) {
                return aggregate(feature.substring(source.getKey().length()), source.getValue(), fr);
            }
        }
        return feature;
    }

    private static String aggregate(String rest, Source source, boolean fr) {
        String where = fr ? source.french() : source.english();
        if (rest.equals("COUNT")) {
            return (fr ? "Nombre de " : "Number of ") + where;
        }
        int cut = rest.lastIndexOf('_');
        String statistic = cut < 0 ? "" : rest.substring(cut + 1);
        String column = cut < 0 ? rest : rest.substring(0, cut);
        String[] stat = STATISTICS.get(statistic);
        String what = describeColumn(column, source.table(), fr);
        if (stat == null) {
            return capitalise(where) + " : " + what;
        }
        return fr ? "%s (%s) : %s".formatted(capitalise(where), stat[1], what)
                : "%s of %s: %s".formatted(capitalise(stat[0]), where, what);
    }

    private static String describeColumn(String column, HomeCreditTable table, boolean fr) {
        if (DERIVED.containsKey(column)) {
            return DERIVED.get(column)[fr ? 1 : 0];
        }
        Optional<ColumnSpec> spec = HomeCreditSchema.get().column(table, column);
        if (spec.isPresent()) {
            return fr ? spec.get().labelFr() : spec.get().labelEn();
        }
        // One-hot shares, e.g. CREDIT_ACTIVE_Active: "share with <column label> = level".
        for (ColumnSpec candidate : HomeCreditSchema.get().columns(table)) {
            if (!candidate.isNumber() && column.startsWith(candidate.name() + "_")) {
                String level = column.substring(candidate.name().length() + 1).replace('_', ' ');
                return (fr ? "part avec %s = %s" : "share with %s = %s").formatted(
                        (fr ? candidate.labelFr() : candidate.labelEn()).toLowerCase(Locale.ROOT), level);
            }
        }
        if (column.startsWith("STATUS_")) {
            String status = column.substring("STATUS_".length()).replace("_MEAN", "");
            return (fr ? "part des mois au statut %s" : "share of months with status %s").formatted(status);
        }
        return column;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
