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
import com.pretadepenser.creditdesk.engine.data.CompactTable;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Per-client aggregates of the six child tables, as the reference kernel computes them. Each
 * table's inputs (its numbers, derived ratios, one-hot levels) are functions of a row over the
 * compact columns; for each input, its values at the rows of the requested clients are gathered
 * into one dense array, aggregated client by client, and dropped. Nothing per row of a table is
 * kept: a category is its code, never a 0/1 column.
 */
final class HistoryFeatures {
    private static final double SENTINEL = com.pretadepenser.creditdesk.engine.data.HomeCreditSchema.DAYS_SENTINEL;

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
            long[] ranges = new long[clients.length];
            int total = 0;
            for (int c = 0; c < clients.length; c++) {
                ranges[c] = groups.range(clients[c]);
                if (ranges[c] >= 0) {
                    total += Groups.end(ranges[c]) - Groups.start(ranges[c]);
                }
            }
            int[] rows = new int[total];
            int at = 0;
            for (int c = 0; c < clients.length; c++) {
                start[c] = at;
                if (ranges[c] >= 0) {
                    int from = Groups.start(ranges[c]);
                    int to = Groups.end(ranges[c]);
                    groups.copyRows(from, to, rows, at);
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

    /** One input of a table's aggregates: its value at a row of the table (NaN when missing). */
    @FunctionalInterface
    interface Input {
        double at(int row);
    }

    /**
     * The 0/1 input of one level of a text column. The aggregation gathers the column's codes once
     * per slice and compares them, level after level, instead of reading every code once per level.
     */
    private record Level(String column, CompactTable.Codes codes, int[] position, int level, int levels) implements Input {
        @Override
        public double at(int row) {
            int code = codes.code(row);
            return code >= 0 && position[code] == level ? 1 : 0;
        }

        /** The slice's codes as positions in the training levels (-1 missing or unseen). */
        int[] positions(int[] rows) {
            int[] out = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                int code = codes.code(rows[i]);
                out[i] = code >= 0 ? position[code] : -1;
            }
            return out;
        }

        /**
         * For each client of the slice, how many of its rows hold each level ({@code levels} counts
         * per client, from the slice's {@code positions}): every level's mean from one pass.
         */
        int[] counts(int[] positions, Slice slice) {
            int clients = slice.start().length;
            int[] counts = new int[clients * levels];
            for (int c = 0; c < clients; c++) {
                for (int i = slice.start()[c]; i < slice.end()[c]; i++) {
                    if (positions[i] >= 0) {
                        counts[c * levels + positions[i]]++;
                    }
                }
            }
            return counts;
        }
    }

    /** A table's inputs by name, and the aggregations of each; made once per table and schema. */
    private static final class Inputs {
        final FeatureSchema schema;
        final Map<String, Input> columns = new LinkedHashMap<>();
        final Map<String, List<Aggregation>> all = new LinkedHashMap<>();
        Map<String, List<Aggregation>> numeric = new LinkedHashMap<>();
        /** Feature names by spec (by identity: each is a field of these inputs) and prefix. */
        private final Map<Map<String, List<Aggregation>>, Map<String, String[]>> names =
                java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        Inputs(FeatureSchema schema) {
            this.schema = schema;
        }

        void put(String name, Input values) {
            columns.put(name, values);
        }

        /** The names of the aggregates of {@code spec} under {@code prefix}, in spec order. */
        String[] names(String prefix, Map<String, List<Aggregation>> spec) {
            return names.computeIfAbsent(spec, s -> new java.util.concurrent.ConcurrentHashMap<>()).computeIfAbsent(prefix, p -> spec.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(a -> FeaturePipeline.safe(p + e.getKey() + "_" + a.suffix())))
                    .toArray(String[]::new));
        }

        private final Map<Map<String, List<Aggregation>>, Steps> steps =
                java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        /** How {@code spec} is aggregated (by identity: each spec is a field of these inputs). */
        Steps steps(Map<String, List<Aggregation>> spec) {
            return steps.computeIfAbsent(spec, s -> Steps.of(this, s));
        }

        Input get(String name) {
            Input values = columns.get(name);
            if (values == null) {
                throw new IllegalStateException("no input column " + name);
            }
            return values;
        }

        /** One 0/1 input per training level of a text column, named COLUMN_LEVEL; returns their names. */
        List<String> oneHot(HomeCreditTable table, CompactTable frame, String column) {
            List<String> levels = schema.levels(table, column);
            CompactTable.Codes codes = frame.codes(column);
            int[] position = frame.remap(column, levels);
            List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                String name = column + "_" + levels.get(i);
                put(name, new Level(column, codes, position, i, levels.size()));
                names.add(name);
            }
            return names;
        }

        /** Every numeric column of the table except keys. */
        void numbers(HomeCreditTable table, CompactTable frame) {
            for (ColumnSpec spec : HomeCreditSchema.get().columns(table)) {
                if (spec.isNumber() && spec.kind() != ColumnKind.ID) {
                    CompactTable.Numbers numbers = frame.numbers(spec.name());
                    put(spec.name(), numbers::get);
                }
            }
        }

        /** Text columns of the table, one-hot; returns the dummy names. */
        List<String> texts(HomeCreditTable table, CompactTable frame) {
            List<String> names = new java.util.ArrayList<>();
            for (ColumnSpec spec : HomeCreditSchema.get().columns(table)) {
                if (!spec.isNumber()) {
                    names.addAll(oneHot(table, frame, spec.name()));
                }
            }
            return names;
        }

        private final Map<String, IntPredicate> filters = new java.util.concurrent.ConcurrentHashMap<>();

        /** Keeps the rows whose {@code column} holds {@code level} (none when the schema lacks the level); made once. */
        IntPredicate is(HomeCreditTable table, CompactTable frame, String column, String level) {
            return filters.computeIfAbsent(column + "=" + level, k -> filter(table, frame, column, level));
        }

        private IntPredicate filter(HomeCreditTable table, CompactTable frame, String column, String level) {
            int wanted = schema.levels(table, column).indexOf(level);
            if (wanted < 0) {
                return row -> false;
            }
            CompactTable.Codes codes = frame.codes(column);
            int[] position = frame.remap(column, schema.levels(table, column));
            return row -> {
                int code = codes.code(row);
                return code >= 0 && position[code] == wanted;
            };
        }
    }

    /**
     * How a spec's entries are aggregated, worked out once per spec: each entry's input and
     * aggregations, whether they need the values' moments, whether the entry is a level's mean
     * (counted), and the slot of a level's column among the spec's text columns.
     */
    private record Steps(Input[] inputs, Aggregation[][] aggregations, boolean[] moments, boolean[] levelMean, int[] slot, int slots) {
        static Steps of(Inputs inputs, Map<String, List<Aggregation>> spec) {
            int n = spec.size();
            Input[] in = new Input[n];
            Aggregation[][] aggregations = new Aggregation[n][];
            boolean[] moments = new boolean[n];
            boolean[] levelMean = new boolean[n];
            int[] slot = new int[n];
            Map<String, Integer> slots = new java.util.HashMap<>();
            int e = 0;
            for (Map.Entry<String, List<Aggregation>> entry : spec.entrySet()) {
                in[e] = inputs.get(entry.getKey());
                aggregations[e] = entry.getValue().toArray(Aggregation[]::new);
                for (Aggregation aggregation : aggregations[e]) {
                    moments[e] |= aggregation.needsMoments();
                }
                slot[e] = in[e] instanceof Level level ? slots.computeIfAbsent(level.column(), c -> slots.size()) : -1;
                levelMean[e] = slot[e] >= 0 && entry.getValue().equals(List.of(MEAN));
                e++;
            }
            return new Steps(in, aggregations, moments, levelMean, slot, slots.size());
        }
    }

    private void aggregate(FeatureGroup group, Slice slice, Inputs inputs, Map<String, List<Aggregation>> spec) {
        String[] names = inputs.names(group.prefix(), spec);
        Steps steps = inputs.steps(spec);
        int[] rows = slice.rows();
        double[] values = new double[rows.length];
        int[][] positionsOfSlice = new int[steps.slots()][];
        int[][] countsOfSlice = new int[steps.slots()][];
        Aggregation.Moments moments = new Aggregation.Moments();
        int at = 0;
        for (int e = 0; e < steps.inputs().length; e++) {
            Input input = steps.inputs()[e];
            int slot = steps.slot()[e];
            if (slot >= 0 && positionsOfSlice[slot] == null) {
                positionsOfSlice[slot] = ((Level) input).positions(rows);
            }
            if (steps.levelMean()[e]) {
                // The mean of a 0/1 level is its count over the client's rows (the same double as the
                // sum of ones divided by the count): all levels of a column counted in one pass.
                Level level = (Level) input;
                if (countsOfSlice[slot] == null) {
                    countsOfSlice[slot] = level.counts(positionsOfSlice[slot], slice);
                }
                int[] counts = countsOfSlice[slot];
                double[] column = new double[clients.length];
                for (int c = 0; c < clients.length; c++) {
                    int n = slice.end()[c] - slice.start()[c];
                    column[c] = n == 0 ? Double.NaN : counts[c * level.levels() + level.level()] / (double) n;
                }
                out.add(names[at++], column);
                continue;
            }
            if (slot >= 0) {
                int[] positions = positionsOfSlice[slot];
                int level = ((Level) input).level();
                for (int i = 0; i < rows.length; i++) {
                    values[i] = positions[i] == level ? 1 : 0;
                }
            } else {
                for (int i = 0; i < rows.length; i++) {
                    values[i] = input.at(rows[i]);
                }
            }
            Aggregation[] aggregations = steps.aggregations()[e];
            boolean needsMoments = steps.moments()[e];
            double[][] columns = new double[aggregations.length][clients.length];
            for (int c = 0; c < clients.length; c++) {
                int from = slice.start()[c];
                int to = slice.end()[c];
                if (from == to) {
                    for (double[] column : columns) {
                        column[c] = Double.NaN;
                    }
                    continue;
                }
                if (needsMoments) {
                    moments.over(values, from, to);
                }
                for (int a = 0; a < columns.length; a++) {
                    columns[a][c] = aggregations[a].of(moments, values, from, to);
                }
            }
            for (double[] column : columns) {
                out.add(names[at++], column);
            }
        }
    }

    private void count(FeatureGroup group, Slice slice) {
        String name = group.feature(FeatureGroup.COUNT);
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
        CompactTable bureau = history.table(HomeCreditTable.BUREAU).orElseThrow();
        Inputs in = history.inputs("bureau", schema, () -> bureauInputs(bureau));
        Slice slice = Slice.of(history.groups(HomeCreditTable.BUREAU), clients);
        aggregate(FeatureGroup.BUREAU, slice, in, in.all);
        aggregate(FeatureGroup.ACTIVE_BUREAU, slice.filter(in.is(HomeCreditTable.BUREAU, bureau, "CREDIT_ACTIVE", "Active")), in, in.numeric);
        aggregate(FeatureGroup.CLOSED_BUREAU, slice.filter(in.is(HomeCreditTable.BUREAU, bureau, "CREDIT_ACTIVE", "Closed")), in, in.numeric);
    }

    private Inputs bureauInputs(CompactTable bureau) {
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
     * For a bureau credit (a row of bureau), the kernel's bureau_balance aggregates: MONTHS_BALANCE
     * min, max and size, and the share of each STATUS, computed from the credit's balance rows when
     * asked. Returns the STATUS share names.
     */
    private List<String> balancePerCredit(CompactTable bureau, Inputs in) {
        CompactTable balance = history.table(HomeCreditTable.BUREAU_BALANCE).orElseThrow();
        Groups byCredit = history.groups(HomeCreditTable.BUREAU_BALANCE);
        CompactTable.Numbers creditIds = bureau.numbers("SK_ID_BUREAU");
        CompactTable.Numbers months = balance.numbers("MONTHS_BALANCE");
        // Each bureau row's balance rows, looked up once here: the inputs below read them for every
        // bureau row of every slice, a dozen times per row.
        long[] ranges = new long[bureau.rowCount()];
        for (int row = 0; row < ranges.length; row++) {
            ranges[row] = byCredit.range((int) creditIds.get(row));
        }
        in.put("MONTHS_BALANCE_MIN", row -> overBalance(byCredit, ranges[row], months, true));
        in.put("MONTHS_BALANCE_MAX", row -> overBalance(byCredit, ranges[row], months, false));
        in.put("MONTHS_BALANCE_SIZE", row -> ranges[row] < 0 ? Double.NaN : Groups.end(ranges[row]) - Groups.start(ranges[row]));
        List<String> levels = schema.levels(HomeCreditTable.BUREAU_BALANCE, "STATUS");
        CompactTable.Codes status = balance.codes("STATUS");
        int[] position = balance.remap("STATUS", levels);
        List<String> names = new java.util.ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            int level = l;
            String name = "STATUS_" + levels.get(l) + "_MEAN";
            in.put(name, row -> {
                long range = ranges[row];
                if (range < 0) {
                    return Double.NaN;
                }
                int from = Groups.start(range);
                int to = Groups.end(range);
                int hits = 0;
                for (int i = from; i < to; i++) {
                    int code = status.code(byCredit.row(i));
                    hits += code >= 0 && position[code] == level ? 1 : 0;
                }
                return hits / (double) (to - from);
            });
            names.add(name);
        }
        return names;
    }

    /** The least (or greatest) MONTHS_BALANCE of a bureau credit's balance rows ({@code range}); NaN without any. */
    private static double overBalance(Groups byCredit, long range, CompactTable.Numbers months, boolean least) {
        if (range < 0) {
            return Double.NaN;
        }
        double best = Double.NaN;
        for (int i = Groups.start(range), to = Groups.end(range); i < to; i++) {
            double v = months.get(byCredit.row(i));
            if (!Double.isNaN(v) && (Double.isNaN(best) || (least ? v < best : v > best))) {
                best = v;
            }
        }
        return best;
    }

    private void previous() {
        CompactTable previous = history.table(HomeCreditTable.PREVIOUS_APPLICATION).orElseThrow();
        Inputs in = history.inputs("previous", schema, () -> previousInputs(previous));
        Slice slice = Slice.of(history.groups(HomeCreditTable.PREVIOUS_APPLICATION), clients);
        aggregate(FeatureGroup.PREVIOUS, slice, in, in.all);
        // A status absent from training keeps no row.
        aggregate(FeatureGroup.APPROVED, slice.filter(in.is(HomeCreditTable.PREVIOUS_APPLICATION, previous, "NAME_CONTRACT_STATUS", "Approved")),
                in, in.numeric);
        aggregate(FeatureGroup.REFUSED, slice.filter(in.is(HomeCreditTable.PREVIOUS_APPLICATION, previous, "NAME_CONTRACT_STATUS", "Refused")),
                in, in.numeric);
    }

    private Inputs previousInputs(CompactTable previous) {
        Inputs in = new Inputs(schema);
        in.numbers(HomeCreditTable.PREVIOUS_APPLICATION, previous);
        for (String day : List.of("DAYS_FIRST_DRAWING", "DAYS_FIRST_DUE", "DAYS_LAST_DUE_1ST_VERSION", "DAYS_LAST_DUE", "DAYS_TERMINATION")) {
            Input raw = in.get(day);
            in.put(day, row -> {
                double v = raw.at(row);
                return v == SENTINEL ? Double.NaN : v;
            });
        }
        in.put("APP_CREDIT_PERC", ratio(in.get("AMT_APPLICATION"), in.get("AMT_CREDIT")));
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
        CompactTable pos = history.table(HomeCreditTable.POS_CASH_BALANCE).orElseThrow();
        Inputs in = history.inputs("pos", schema, () -> {
            Inputs inputs = new Inputs(schema);
            inputs.numbers(HomeCreditTable.POS_CASH_BALANCE, pos);
            List<String> categories = inputs.texts(HomeCreditTable.POS_CASH_BALANCE, pos);
            inputs.all.putAll(spec("MONTHS_BALANCE", List.of(MAX, MEAN, SIZE),
                    "SK_DPD", List.of(MAX, MEAN), "SK_DPD_DEF", List.of(MAX, MEAN)));
            inputs.all.putAll(means(categories));
            return inputs;
        });
        Slice slice = Slice.of(history.groups(HomeCreditTable.POS_CASH_BALANCE), clients);
        aggregate(FeatureGroup.POS_CASH, slice, in, in.all);
        count(FeatureGroup.POS_CASH, slice);
    }

    private void installments() {
        CompactTable ins = history.table(HomeCreditTable.INSTALLMENTS_PAYMENTS).orElseThrow();
        Inputs in = history.inputs("installments", schema, () -> installmentInputs(ins));
        Slice slice = Slice.of(history.groups(HomeCreditTable.INSTALLMENTS_PAYMENTS), clients);
        aggregate(FeatureGroup.INSTALMENTS, slice, in, in.all);
        count(FeatureGroup.INSTALMENTS, slice);
    }

    private Inputs installmentInputs(CompactTable ins) {
        Inputs in = new Inputs(schema);
        in.numbers(HomeCreditTable.INSTALLMENTS_PAYMENTS, ins);
        Input paid = in.get("AMT_PAYMENT");
        Input due = in.get("AMT_INSTALMENT");
        Input entry = in.get("DAYS_ENTRY_PAYMENT");
        Input dueDay = in.get("DAYS_INSTALMENT");
        in.put("PAYMENT_PERC", ratio(paid, due));
        in.put("PAYMENT_DIFF", row -> due.at(row) - paid.at(row));
        in.put("DPD", row -> clipAtZero(entry.at(row) - dueDay.at(row)));
        in.put("DBD", row -> clipAtZero(dueDay.at(row) - entry.at(row)));
        in.all.putAll(spec("NUM_INSTALMENT_VERSION", List.of(NUNIQUE),
                "DPD", List.of(MAX, MEAN, SUM), "DBD", List.of(MAX, MEAN, SUM),
                "PAYMENT_PERC", List.of(MAX, MEAN, SUM, VAR), "PAYMENT_DIFF", List.of(MAX, MEAN, SUM, VAR),
                "AMT_INSTALMENT", List.of(MAX, MEAN, SUM), "AMT_PAYMENT", List.of(MIN, MAX, MEAN, SUM),
                "DAYS_ENTRY_PAYMENT", List.of(MAX, MEAN, SUM)));
        return in;
    }

    private void creditCard() {
        CompactTable cc = history.table(HomeCreditTable.CREDIT_CARD_BALANCE).orElseThrow();
        Inputs in = history.inputs("credit-card", schema, () -> {
            Inputs inputs = new Inputs(schema);
            inputs.numbers(HomeCreditTable.CREDIT_CARD_BALANCE, cc);
            inputs.texts(HomeCreditTable.CREDIT_CARD_BALANCE, cc);
            for (String column : inputs.columns.keySet()) {
                inputs.all.put(column, List.of(MIN, MAX, MEAN, SUM, VAR));
            }
            return inputs;
        });
        Slice slice = Slice.of(history.groups(HomeCreditTable.CREDIT_CARD_BALANCE), clients);
        aggregate(FeatureGroup.CREDIT_CARD, slice, in, in.all);
        count(FeatureGroup.CREDIT_CARD, slice);
    }

    /** max(x, 0), NaN kept, as pandas' clip(lower=0). */
    private static double clipAtZero(double x) {
        return Double.isNaN(x) ? x : Math.max(0, x);
    }

    /** a / b, NaN where b is 0, as {@link FeaturePipeline#divide}. */
    private static Input ratio(Input a, Input b) {
        return row -> {
            double divisor = b.at(row);
            return divisor == 0 ? Double.NaN : a.at(row) / divisor;
        };
    }
}
