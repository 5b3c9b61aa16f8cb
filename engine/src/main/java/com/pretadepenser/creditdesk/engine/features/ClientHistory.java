package com.pretadepenser.creditdesk.engine.features;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The child tables of a dataset, indexed by client (and bureau_balance by bureau credit), so that
 * the aggregates of any set of clients, one or all, are computed by the same code from slices.
 * Build once per dataset; it is read-only afterwards and safe to share between threads.
 */
public final class ClientHistory {
    private final Map<HomeCreditTable, Table> tables = new EnumMap<>(HomeCreditTable.class);
    private final Map<HomeCreditTable, Groups> groups = new EnumMap<>(HomeCreditTable.class);
    private final Map<List<Object>, Object> cache = new HashMap<>();

    public ClientHistory(HomeCreditData data) {
        for (HomeCreditTable table : HomeCreditTable.values()) {
            if (table.isApplication() || !data.has(table)) {
                continue;
            }
            Table frame = data.table(table).orElseThrow();
            tables.put(table, frame);
            groups.put(table, Groups.by(frame.intColumn(table.parentKey().orElseThrow()).asIntArray()));
        }
    }

    /** No history at all: a new application from someone unknown to the dataset. */
    public static ClientHistory empty() {
        return new ClientHistory();
    }

    private ClientHistory() {
    }

    /**
     * Per-row inputs of a table's aggregates (numbers, ratios, one-hot levels), computed once for
     * all its rows on first use and shared by every later computation, so one client costs a slice.
     */
    @SuppressWarnings("unchecked")
    <T> T cached(String name, FeatureSchema schema, Supplier<T> compute) {
        List<Object> key = List.of(name, schema);
        synchronized (cache) {
            Object value = cache.get(key);
            if (value == null) {
                value = compute.get();
                cache.put(key, value);
            }
            return (T) value;
        }
    }

    /** The client's history in counts, for a person to read; {@link HistorySummary#NONE} for a client without one. */
    public HistorySummary summary(int clientId) {
        int[] bureau = rows(HomeCreditTable.BUREAU, clientId);
        int[] previous = rows(HomeCreditTable.PREVIOUS_APPLICATION, clientId);
        int[] instalments = rows(HomeCreditTable.INSTALLMENTS_PAYMENTS, clientId);
        int active = count(HomeCreditTable.BUREAU, bureau, "CREDIT_ACTIVE", "Active");
        int overdue = 0;
        if (bureau.length > 0) {
            NumericColumn<?> days = (NumericColumn<?>) tables.get(HomeCreditTable.BUREAU).column("CREDIT_DAY_OVERDUE");
            for (int row : bureau) {
                overdue += days.getDouble(row) > 0 ? 1 : 0;
            }
        }
        int late = 0;
        if (instalments.length > 0) {
            Table table = tables.get(HomeCreditTable.INSTALLMENTS_PAYMENTS);
            NumericColumn<?> paid = (NumericColumn<?>) table.column("DAYS_ENTRY_PAYMENT");
            NumericColumn<?> due = (NumericColumn<?>) table.column("DAYS_INSTALMENT");
            for (int row : instalments) {
                late += paid.getDouble(row) > due.getDouble(row) ? 1 : 0;
            }
        }
        return new HistorySummary(bureau.length, active, overdue, previous.length,
                count(HomeCreditTable.PREVIOUS_APPLICATION, previous, "NAME_CONTRACT_STATUS", "Approved"),
                count(HomeCreditTable.PREVIOUS_APPLICATION, previous, "NAME_CONTRACT_STATUS", "Refused"),
                instalments.length, late);
    }

    private int[] rows(HomeCreditTable table, int clientId) {
        Groups rows = groups.get(table);
        return rows == null ? new int[0] : rows.rows(clientId);
    }

    private int count(HomeCreditTable table, int[] rows, String column, String level) {
        if (rows.length == 0) {
            return 0;
        }
        var values = tables.get(table).stringColumn(column);
        int n = 0;
        for (int row : rows) {
            n += level.equals(values.get(row)) ? 1 : 0;
        }
        return n;
    }

    public boolean has(HomeCreditTable table) {
        return tables.containsKey(table);
    }

    Optional<Table> table(HomeCreditTable table) {
        return Optional.ofNullable(tables.get(table));
    }

    Groups groups(HomeCreditTable table) {
        return groups.get(table);
    }
}
