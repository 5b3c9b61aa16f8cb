package com.pretadepenser.creditdesk.engine.features;

import com.pretadepenser.creditdesk.engine.data.ColumnKind;
import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Computes the model's features for any set of applications: the whole dataset for training and
 * batch scoring, or one (possibly edited) row for the screen. The only feature code there is.
 *
 * <p>Feature names follow the reference kernel ({@code BURO_DAYS_CREDIT_MIN}, {@code PREV_...},
 * {@code INSTAL_DPD_MAX}, {@code CC_..._VAR} ...) with every character outside {@code [A-Za-z0-9_]}
 * replaced by {@code _}, as LightGBM requires; docs/features.md maps them to the kernel's.
 */
public final class FeaturePipeline {
    /** The data set's "no date / not employed" marker, turned into missing as the kernel does. */
    private static final double SENTINEL = com.pretadepenser.creditdesk.engine.data.HomeCreditSchema.DAYS_SENTINEL;

    private final FeatureSchema schema;
    /** The names and index of the last matrix made: the next one (another client) usually has the same. */
    private volatile FeatureMatrix.Layout layout;

    public FeaturePipeline(FeatureSchema schema) {
        this.schema = schema;
    }

    public FeatureSchema schema() {
        return schema;
    }

    /**
     * Features of the given application rows (any number, with the application columns of the
     * Home Credit layout), their history taken from {@code history} by SK_ID_CURR.
     */
    public FeatureMatrix compute(Table applications, ClientHistory history) {
        return compute(ApplicationRows.of(applications), history);
    }

    /** The same, for application rows given as a view (one row of a dataset, without copying it). */
    public FeatureMatrix compute(ApplicationRows applications, ClientHistory history) {
        int[] clients = applications.clientIds();
        FeatureMatrix.Builder out = new FeatureMatrix.Builder(clients.length);
        application(applications, out);
        new HistoryFeatures(schema, history, clients, out).computeAll();
        FeatureMatrix features = out.build(clients, layout);
        layout = features.layout();
        return features;
    }

    /** True for application text columns, which LightGBM handles as categories (codes), not one-hot. */
    public static boolean isCategorical(String feature) {
        ColumnSpec spec = HomeCreditSchema.get().column(HomeCreditTable.APPLICATION_TRAIN, feature).orElse(null);
        return spec != null && !spec.isNumber();
    }

    /** The child table a feature comes from ({@link FeatureGroup}), or null for application features. */
    public static HomeCreditTable sourceTable(String feature) {
        return FeatureGroup.of(feature).map(FeatureGroup::source).orElse(null);
    }

    /** A name LightGBM accepts. */
    static String safe(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' ? c : '_');
        }
        return out.toString();
    }

    private void application(ApplicationRows applications, FeatureMatrix.Builder out) {
        int n = out.rows();
        for (ColumnSpec spec : HomeCreditSchema.get().columns(HomeCreditTable.APPLICATION_TEST)) {
            if (spec.kind() == ColumnKind.ID) {
                continue;
            }
            if (spec.isNumber()) {
                double[] values = applications.numbers(spec.name());
                if (spec.name().equals("DAYS_EMPLOYED")) {
                    values = replace(values, SENTINEL);
                }
                out.add(spec.name(), values);
            } else {
                out.add(spec.name(), codes(applications.texts(spec.name()),
                        schema.levels(HomeCreditTable.APPLICATION_TRAIN, spec.name())));
            }
        }
        double[] employed = replace(applications.numbers("DAYS_EMPLOYED"), SENTINEL);
        double[] birth = applications.numbers("DAYS_BIRTH");
        double[] income = applications.numbers("AMT_INCOME_TOTAL");
        double[] credit = applications.numbers("AMT_CREDIT");
        double[] family = applications.numbers("CNT_FAM_MEMBERS");
        double[] annuity = applications.numbers("AMT_ANNUITY");
        out.add("DAYS_EMPLOYED_PERC", divide(employed, birth, n));
        out.add("INCOME_CREDIT_PERC", divide(income, credit, n));
        out.add("INCOME_PER_PERSON", divide(income, family, n));
        out.add("ANNUITY_INCOME_PERC", divide(annuity, income, n));
        out.add("PAYMENT_RATE", divide(annuity, credit, n));
    }

    /** Category codes: the index of the level in the training levels; missing or unseen is NaN. */
    static double[] codes(String[] values, List<String> levels) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            Integer code = values[i] == null ? null : index.get(values[i]);
            out[i] = code == null ? Double.NaN : code;
        }
        return out;
    }

    static double[] replace(double[] values, double sentinel) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == sentinel) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** a / b, NaN where b is 0 (the kernel gets infinity there; a model learns nothing from it). */
    static double[] divide(double[] a, double[] b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = b[i] == 0 ? Double.NaN : a[i] / b[i];
        }
        return out;
    }

    /** The application columns that a what-if may change and that features read. */
    public static List<String> applicationColumns() {
        List<String> names = new ArrayList<>();
        for (ColumnSpec spec : HomeCreditSchema.get().columns(HomeCreditTable.APPLICATION_TEST)) {
            if (spec.kind() != ColumnKind.ID) {
                names.add(spec.name());
            }
        }
        return names;
    }
}
