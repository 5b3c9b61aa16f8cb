package com.pretadepenser.creditdesk.engine.features;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
