package com.pretadepenser.creditdesk.engine.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The Home Credit tables of one dataset, in memory, whether read from Kaggle CSVs or opened from a
 * local dataset. Child tables are optional; at least one application table is present.
 *
 * @param tables   the tables present
 * @param orphans  per child table, the number of rows whose parent id is absent from the parent
 *                 table (kept, reported, never fatal: real extracts cover part of each history)
 * @param notes    what the readers reported without failing
 */
public record HomeCreditData(Map<HomeCreditTable, Table> tables, Map<HomeCreditTable, Long> orphans,
                             List<String> notes) {

    public HomeCreditData {
        if (!tables.containsKey(HomeCreditTable.APPLICATION_TRAIN) && !tables.containsKey(HomeCreditTable.APPLICATION_TEST)) {
            throw new IllegalArgumentException("a dataset needs application_train.csv or application_test.csv");
        }
        tables = Collections.unmodifiableMap(new EnumMap<>(tables));
        orphans = Collections.unmodifiableMap(orphans.isEmpty() ? Map.of() : new EnumMap<>(orphans));
        notes = List.copyOf(notes);
    }

    public Optional<Table> table(HomeCreditTable table) {
        return Optional.ofNullable(tables.get(table));
    }

    public boolean has(HomeCreditTable table) {
        return tables.containsKey(table);
    }

    public int rowCount(HomeCreditTable table) {
        return has(table) ? tables.get(table).rowCount() : 0;
    }

    /** Train plus test applicants. */
    public int clientCount() {
        return rowCount(HomeCreditTable.APPLICATION_TRAIN) + rowCount(HomeCreditTable.APPLICATION_TEST);
    }
}
