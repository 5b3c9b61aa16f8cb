package com.pretadepenser.creditdesk.engine.features;

import static com.pretadepenser.creditdesk.engine.features.Aggregation.MAX;
import static com.pretadepenser.creditdesk.engine.features.Aggregation.MEAN;
import static com.pretadepenser.creditdesk.engine.features.Aggregation.MIN;
import static com.pretadepenser.creditdesk.engine.features.Aggregation.NUNIQUE;
import static com.pretadepenser.creditdesk.engine.features.Aggregation.SIZE;
import static com.pretadepenser.creditdesk.engine.features.Aggregation.SUM;
import static com.pretadepenser.creditdesk.engine.features.Aggregation.VAR;

import com.pretadepenser.creditdesk.engine.data.ColumnKind;
import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import tech.tablesaw.api.Table;

/**
 * Per-client aggregates of the six child tables, as the reference kernel computes them. Each
 * table's per-row inputs (its numbers, derived ratios, one-hot levels) are prepared for the rows
 * of the requested clients only, then aggregated client by client over slices of the index.
 */
final class HistoryFeatures {
    private static final double SENTINEL = 365243;

    private final FeatureSchema schema;
    private final ClientHistory history;
    private final int[] clients;
    private final FeatureMatrix.Builder out;

    HistoryFeatures(FeatureSchema schema, ClientHistory history, int[] clients, FeatureMatrix.Builder out) {
        this.schema = schema;
        this.history = history;
        this.clients = clients;
        this.out = out;
    }

    void computeAll() {
        if (history.has(HomeCreditTable.BUREAU)) {
            bureau();
        }
        if (history.has(HomeCreditTable.PREVIOUS_APPLICATION)) {
            previous();
        }
        if (history.has(HomeCreditTable.POS_CASH_BALANCE)) {
            posCash();
        }
        if (history.has(HomeCreditTable.INSTALLMENTS_PAYMENTS)) {
            installments();
        }
        if (history.has(HomeCreditTable.CREDIT_CARD_BALANCE)) {
            creditCard();
        }
    }

    /** The rows a computation needs: those of the requested clients, in client order. */
    private record Slice(int[] rows, int[] start, int[] end) {
        static Slice of(Groups groups, int[] clients) {
            int[] start = new int[clients.length];
            int[] end = new int[clients.length];
            int total = 0;
            for (int c = 0; c < clients.length; c++) {
                if (groups.has(clients[c])) {
                    total += groups.end(clients[c]) - groups.start(clients[c]);
                }
            }
            int[] rows = new int[total];
            int at = 0;
            for (int c = 0; c < clients.length; c++) {
                start[c] = at;
                if (groups.has(clients[c])) {
                    int from = groups.start(clients[c]);
                    int to = groups.end(clients[c]);
                    System.arraycopy(groups.order(), from, rows, at, to - from);
                    at += to - from;
                }
                end[c] = at;
            }
            return new Slice(rows, start, end);
        }

        /** The same clients, keeping only rows that pass {@code keep}. */
        Slice filter(IntPredicate keep) {
            int[] kept = new int[rows.length];
            int[] s = new int[start.length];
            int[] e = new int[end.length];
            int at = 0;
            for (int c = 0; c < start.length; c++) {
                s[c] = at;
                for (int i = start[c]; i < end[c]; i++) {
                    if (keep.test(rows[i])) {
                        kept[at++] = rows[i];
                    }
                }
                e[c] = at;
            }
            return new Slice(Arrays.copyOf(kept, at), s, e);
        }
    }

    /** Inputs by name: full-length columns of the table (values for rows outside the slice unused). */
    private static final class Inputs {
        final FeatureSchema schema;
        final Map<String, double[]> columns = new LinkedHashMap<>();
        final Map<String, List<Aggregation>> all = new LinkedHashMap<>();
        Map<String, List<Aggregation>> numeric = new LinkedHashMap<>();

        Inputs(FeatureSchema schema) {
            this.schema = schema;
        }

        /** Feature names by spec (by identity: each is a field of these inputs) and prefix, made once per table. */
        private final Map<Map<String, List<Aggregation>>, Map<String, String[]>> names =
                java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        void put(String name, double[] values) {
            columns.put(name, values);
        }

        /** The names of the aggregates of {@code spec} under {@code prefix}, in spec order. */
        String[] names(String prefix, Map<String, List<Aggregation>> spec) {
            return names.computeIfAbsent(spec, s -> new java.util.concurrent.ConcurrentHashMap<>()).computeIfAbsent(prefix, p -> spec.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(a -> FeaturePipeline.safe(p + e.getKey() + "_" + a.suffix())))
                    .toArray(String[]::new));
        }

        double[] get(String name) {
            double[] values = columns.get(name);
            if (values == null) {
                throw new IllegalStateException("no input column " + name);
            }
            return values;
        }

        /** One 0/1 column per training level of a text column, named COLUMN_LEVEL; returns their names. */
        List<String> oneHot(HomeCreditTable table, Table frame, String column) {
            List<String> levels = schema.levels(table, column);
            double[] codes = FeaturePipeline.codes(frame.stringColumn(column).asObjectArray(), levels);
            List<String> names = new java.util.ArrayList<>();
            double[][] dummies = new double[levels.size()][frame.rowCount()];
            for (int row = 0; row < codes.length; row++) {
                if (!Double.isNaN(codes[row])) {
                    dummies[(int) codes[row]][row] = 1;
                }
            }
            for (int i = 0; i < levels.size(); i++) {
                String name = column + "_" + levels.get(i);
                put(name, dummies[i]);
                names.add(name);
            }
            return names;
        }

        /** Every numeric column of the table except keys. */
        void numbers(HomeCreditTable table, Table frame) {
            for (ColumnSpec spec : HomeCreditSchema.get().columns(table)) {
                if (spec.isNumber() && spec.kind() != ColumnKind.ID) {
                    put(spec.name(), frame.doubleColumn(spec.name()).asDoubleArray());
                }
            }
        }

        /** Text columns of the table, one-hot; returns the dummy names. */
        List<String> texts(HomeCreditTable table, Table frame) {
            List<String> names = new java.util.ArrayList<>();
            for (ColumnSpec spec : HomeCreditSchema.get().columns(table)) {
                if (!spec.isNumber()) {
                    names.addAll(oneHot(table, frame, spec.name()));
                }
            }
            return names;
        }
    }

    private void aggregate(String prefix, Slice slice, Inputs inputs, Map<String, List<Aggregation>> spec) {
        String[] names = inputs.names(prefix, spec);
        int at = 0;
        for (Map.Entry<String, List<Aggregation>> entry : spec.entrySet()) {
            double[] values = inputs.get(entry.getKey());
            for (Aggregation aggregation : entry.getValue()) {
                double[] column = new double[clients.length];
                for (int c = 0; c < clients.length; c++) {
                    column[c] = slice.start()[c] == slice.end()[c] ? Double.NaN
                            : aggregation.over(values, slice.rows(), slice.start()[c], slice.end()[c]);
                }
                out.add(names[at++], column);
            }
        }
    }

    private void count(String name, Slice slice) {
        double[] column = new double[clients.length];
        for (int c = 0; c < clients.length; c++) {
            column[c] = slice.start()[c] == slice.end()[c] ? Double.NaN : slice.end()[c] - slice.start()[c];
        }
        out.add(name, column);
    }

    private static Map<String, List<Aggregation>> spec(Object... pairs) {
        Map<String, List<Aggregation>> spec = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Aggregation> aggregations = (List<Aggregation>) pairs[i + 1];
            spec.put((String) pairs[i], aggregations);
        }
        return spec;
    }

    private static Map<String, List<Aggregation>> means(List<String> columns) {
        Map<String, List<Aggregation>> spec = new LinkedHashMap<>();
        columns.forEach(c -> spec.put(c, List.of(MEAN)));
        return spec;
    }

    private void bureau() {
        Table bureau = history.table(HomeCreditTable.BUREAU).orElseThrow();
        Inputs in = history.cached("bureau", schema, () -> bureauInputs(bureau));
        Slice slice = Slice.of(history.groups(HomeCreditTable.BUREAU), clients);
        aggregate("BURO_", slice, in, in.all);
        double[] active = in.columns.get("CREDIT_ACTIVE_Active");
        double[] closed = in.columns.get("CREDIT_ACTIVE_Closed");
        aggregate("ACTIVE_", slice.filter(row -> active != null && active[row] == 1), in, in.numeric);
        aggregate("CLOSED_", slice.filter(row -> closed != null && closed[row] == 1), in, in.numeric);
    }

    private Inputs bureauInputs(Table bureau) {
        Inputs in = new Inputs(schema);
        in.numbers(HomeCreditTable.BUREAU, bureau);
        List<String> categories = in.texts(HomeCreditTable.BUREAU, bureau);
        in.numeric = spec(
                "DAYS_CREDIT", List.of(MIN, MAX, MEAN, VAR), "DAYS_CREDIT_ENDDATE", List.of(MIN, MAX, MEAN),
                "DAYS_CREDIT_UPDATE", List.of(MEAN), "CREDIT_DAY_OVERDUE", List.of(MAX, MEAN),
                "AMT_CREDIT_MAX_OVERDUE", List.of(MEAN), "AMT_CREDIT_SUM", List.of(MAX, MEAN, SUM),
                "AMT_CREDIT_SUM_DEBT", List.of(MAX, MEAN, SUM), "AMT_CREDIT_SUM_OVERDUE", List.of(MEAN),
                "AMT_CREDIT_SUM_LIMIT", List.of(MEAN, SUM), "AMT_ANNUITY", List.of(MAX, MEAN),
                "CNT_CREDIT_PROLONG", List.of(SUM));
        if (history.has(HomeCreditTable.BUREAU_BALANCE)) {
            categories.addAll(balancePerCredit(bureau, in));
            in.numeric.put("MONTHS_BALANCE_MIN", List.of(MIN));
            in.numeric.put("MONTHS_BALANCE_MAX", List.of(MAX));
            in.numeric.put("MONTHS_BALANCE_SIZE", List.of(MEAN, SUM));
        }
        in.all.putAll(in.numeric);
        in.all.putAll(means(categories));
        return in;
    }

    /**
     * For every bureau credit, the kernel's bureau_balance aggregates: MONTHS_BALANCE min, max and
     * size, and the share of each STATUS. Returns the STATUS share names.
     */
    private List<String> balancePerCredit(Table bureau, Inputs in) {
        Table balance = history.table(HomeCreditTable.BUREAU_BALANCE).orElseThrow();
        Groups byCredit = history.groups(HomeCreditTable.BUREAU_BALANCE);
        int n = bureau.rowCount();
        double[] min = filled(n);
        double[] max = filled(n);
        double[] size = filled(n);
        List<String> levels = schema.levels(HomeCreditTable.BUREAU_BALANCE, "STATUS");
        double[][] shares = new double[levels.size()][];
        for (int l = 0; l < shares.length; l++) {
            shares[l] = filled(n);
        }
        double[] months = balance.doubleColumn("MONTHS_BALANCE").asDoubleArray();
        double[] status = FeaturePipeline.codes(balance.stringColumn("STATUS").asObjectArray(), levels);
        int[] creditIds = bureau.intColumn("SK_ID_BUREAU").asIntArray();
        int[] order = byCredit.order();
        int[] hits = new int[levels.size()];
        for (int row = 0; row < n; row++) {
            int credit = creditIds[row];
            if (!byCredit.has(credit)) {
                continue;
            }
            int from = byCredit.start(credit);
            int to = byCredit.end(credit);
            min[row] = MIN.over(months, order, from, to);
            max[row] = MAX.over(months, order, from, to);
            size[row] = to - from;
            Arrays.fill(hits, 0);
            for (int i = from; i < to; i++) {
                double code = status[order[i]];
                if (!Double.isNaN(code)) {
                    hits[(int) code]++;
                }
            }
            for (int l = 0; l < levels.size(); l++) {
                shares[l][row] = hits[l] / (double) (to - from);
            }
        }
        in.put("MONTHS_BALANCE_MIN", min);
        in.put("MONTHS_BALANCE_MAX", max);
        in.put("MONTHS_BALANCE_SIZE", size);
        List<String> names = new java.util.ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            String name = "STATUS_" + levels.get(l) + "_MEAN";
            in.put(name, shares[l]);
            names.add(name);
        }
        return names;
    }

    private void previous() {
        Table previous = history.table(HomeCreditTable.PREVIOUS_APPLICATION).orElseThrow();
        Inputs in = history.cached("previous", schema, () -> previousInputs(previous));
        Slice slice = Slice.of(history.groups(HomeCreditTable.PREVIOUS_APPLICATION), clients);
        aggregate("PREV_", slice, in, in.all);
        // The status shares are cached full-length columns; a level absent from training has none.
        double[] approved = in.columns.get("NAME_CONTRACT_STATUS_Approved");
        double[] refused = in.columns.get("NAME_CONTRACT_STATUS_Refused");
        aggregate("APPROVED_", slice.filter(row -> approved != null && approved[row] == 1), in, in.numeric);
        aggregate("REFUSED_", slice.filter(row -> refused != null && refused[row] == 1), in, in.numeric);
    }

    private Inputs previousInputs(Table previous) {
        Inputs in = new Inputs(schema);
        in.numbers(HomeCreditTable.PREVIOUS_APPLICATION, previous);
        for (String day : List.of("DAYS_FIRST_DRAWING", "DAYS_FIRST_DUE", "DAYS_LAST_DUE_1ST_VERSION", "DAYS_LAST_DUE", "DAYS_TERMINATION")) {
            in.put(day, FeaturePipeline.replace(in.get(day), SENTINEL));
        }
        in.put("APP_CREDIT_PERC", FeaturePipeline.divide(in.get("AMT_APPLICATION"), in.get("AMT_CREDIT"), previous.rowCount()));
        List<String> categories = in.texts(HomeCreditTable.PREVIOUS_APPLICATION, previous);
        in.numeric = spec(
                "AMT_ANNUITY", List.of(MIN, MAX, MEAN), "AMT_APPLICATION", List.of(MIN, MAX, MEAN),
                "AMT_CREDIT", List.of(MIN, MAX, MEAN), "APP_CREDIT_PERC", List.of(MIN, MAX, MEAN, VAR),
                "AMT_DOWN_PAYMENT", List.of(MIN, MAX, MEAN), "AMT_GOODS_PRICE", List.of(MIN, MAX, MEAN),
                "HOUR_APPR_PROCESS_START", List.of(MIN, MAX, MEAN), "RATE_DOWN_PAYMENT", List.of(MIN, MAX, MEAN),
                "DAYS_DECISION", List.of(MIN, MAX, MEAN), "CNT_PAYMENT", List.of(MEAN, SUM));
        in.all.putAll(in.numeric);
        in.all.putAll(means(categories));
        return in;
    }

    private void posCash() {
        Table pos = history.table(HomeCreditTable.POS_CASH_BALANCE).orElseThrow();
        Inputs in = history.cached("pos", schema, () -> {
            Inputs inputs = new Inputs(schema);
            inputs.numbers(HomeCreditTable.POS_CASH_BALANCE, pos);
            List<String> categories = inputs.texts(HomeCreditTable.POS_CASH_BALANCE, pos);
            inputs.all.putAll(spec("MONTHS_BALANCE", List.of(MAX, MEAN, SIZE),
                    "SK_DPD", List.of(MAX, MEAN), "SK_DPD_DEF", List.of(MAX, MEAN)));
            inputs.all.putAll(means(categories));
            return inputs;
        });
        Slice slice = Slice.of(history.groups(HomeCreditTable.POS_CASH_BALANCE), clients);
        aggregate("POS_", slice, in, in.all);
        count("POS_COUNT", slice);
    }

    private void installments() {
        Table ins = history.table(HomeCreditTable.INSTALLMENTS_PAYMENTS).orElseThrow();
        Inputs in = history.cached("installments", schema, () -> installmentInputs(ins));
        Slice slice = Slice.of(history.groups(HomeCreditTable.INSTALLMENTS_PAYMENTS), clients);
        aggregate("INSTAL_", slice, in, in.all);
        count("INSTAL_COUNT", slice);
    }

    private Inputs installmentInputs(Table ins) {
        Inputs in = new Inputs(schema);
        in.numbers(HomeCreditTable.INSTALLMENTS_PAYMENTS, ins);
        double[] paid = in.get("AMT_PAYMENT");
        double[] due = in.get("AMT_INSTALMENT");
        double[] entry = in.get("DAYS_ENTRY_PAYMENT");
        double[] dueDay = in.get("DAYS_INSTALMENT");
        int n = ins.rowCount();
        double[] difference = new double[n];
        double[] late = new double[n];
        double[] early = new double[n];
        for (int row = 0; row < n; row++) {
            difference[row] = due[row] - paid[row];
            late[row] = clipAtZero(entry[row] - dueDay[row]);
            early[row] = clipAtZero(dueDay[row] - entry[row]);
        }
        in.put("PAYMENT_PERC", FeaturePipeline.divide(paid, due, n));
        in.put("PAYMENT_DIFF", difference);
        in.put("DPD", late);
        in.put("DBD", early);
        in.all.putAll(spec("NUM_INSTALMENT_VERSION", List.of(NUNIQUE),
                "DPD", List.of(MAX, MEAN, SUM), "DBD", List.of(MAX, MEAN, SUM),
                "PAYMENT_PERC", List.of(MAX, MEAN, SUM, VAR), "PAYMENT_DIFF", List.of(MAX, MEAN, SUM, VAR),
                "AMT_INSTALMENT", List.of(MAX, MEAN, SUM), "AMT_PAYMENT", List.of(MIN, MAX, MEAN, SUM),
                "DAYS_ENTRY_PAYMENT", List.of(MAX, MEAN, SUM)));
        return in;
    }

    private void creditCard() {
        Table cc = history.table(HomeCreditTable.CREDIT_CARD_BALANCE).orElseThrow();
        Inputs in = history.cached("credit-card", schema, () -> {
            Inputs inputs = new Inputs(schema);
            inputs.numbers(HomeCreditTable.CREDIT_CARD_BALANCE, cc);
            inputs.texts(HomeCreditTable.CREDIT_CARD_BALANCE, cc);
            for (String column : inputs.columns.keySet()) {
                inputs.all.put(column, List.of(MIN, MAX, MEAN, SUM, VAR));
            }
            return inputs;
        });
        Slice slice = Slice.of(history.groups(HomeCreditTable.CREDIT_CARD_BALANCE), clients);
        aggregate("CC_", slice, in, in.all);
        count("CC_COUNT", slice);
    }

    /** max(x, 0), NaN kept, as pandas' clip(lower=0). */
    private static double clipAtZero(double x) {
        return Double.isNaN(x) ? x : Math.max(0, x);
    }

    private static double[] filled(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
