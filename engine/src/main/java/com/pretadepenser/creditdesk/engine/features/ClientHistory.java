package com.pretadepenser.creditdesk.engine.features;

import com.pretadepenser.creditdesk.engine.data.CompactTable;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The child tables of a dataset, indexed by client (and bureau_balance by bureau credit), so that
 * the aggregates of any set of clients, one or all, are computed by the same code from slices.
 * The tables stay in their stored widths ({@link CompactTable}): nothing per row is widened or
 * cached, so the heap holds only the index. Build once per dataset; read-only afterwards and safe
 * to share between threads.
 */
public final class ClientHistory {
    private final Map<HomeCreditTable, CompactTable> tables = new EnumMap<>(HomeCreditTable.class);
    private final Map<HomeCreditTable, Groups> groups = new EnumMap<>(HomeCreditTable.class);
    private final Map<java.util.List<Object>, Object> inputs = new java.util.HashMap<>();

    public ClientHistory(HomeCreditData data) {
        for (HomeCreditTable table : HomeCreditTable.values()) {
            if (table.isApplication() || !data.has(table)) {
                continue;
            }
            CompactTable frame = data.compact(table).orElseThrow();
            tables.put(table, frame);
            groups.put(table, Groups.by(frame.ints(table.parentKey().orElseThrow())));
        }
    }

    /** No history at all: a new application from someone unknown to the dataset. */
    public static ClientHistory empty() {
        return new ClientHistory();
    }

    private ClientHistory() {
    }

    /**
     * The inputs of a table's aggregates for a feature schema (per-row functions over the compact
     * columns: no row data), made once and shared by every later computation.
     */
    @SuppressWarnings("unchecked")
    <T> T inputs(String table, FeatureSchema schema, java.util.function.Supplier<T> make) {
        synchronized (inputs) {
            return (T) inputs.computeIfAbsent(java.util.List.of(table, schema), k -> make.get());
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
            CompactTable.Numbers days = tables.get(HomeCreditTable.BUREAU).numbers("CREDIT_DAY_OVERDUE");
            for (int row : bureau) {
                overdue += days.get(row) > 0 ? 1 : 0;
            }
        }
        int late = 0;
        if (instalments.length > 0) {
            CompactTable table = tables.get(HomeCreditTable.INSTALLMENTS_PAYMENTS);
            CompactTable.Numbers paid = table.numbers("DAYS_ENTRY_PAYMENT");
            CompactTable.Numbers due = table.numbers("DAYS_INSTALMENT");
            for (int row : instalments) {
                late += paid.get(row) > due.get(row) ? 1 : 0;
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
        CompactTable.Codes values = tables.get(table).codes(column);
        int wanted = values.levels().indexOf(level);
        int n = 0;
        for (int row : rows) {
            n += wanted >= 0 && values.code(row) == wanted ? 1 : 0;
        }
        return n;
    }

    public boolean has(HomeCreditTable table) {
        return tables.containsKey(table);
    }

    Optional<CompactTable> table(HomeCreditTable table) {
        return Optional.ofNullable(tables.get(table));
    }

    Groups groups(HomeCreditTable table) {
        return groups.get(table);
    }
}
