package com.pretadepenser.creditdesk.engine.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The Home Credit tables of one dataset, whether read from Kaggle CSVs or opened from a local
 * dataset. Child tables are optional; at least one application table is present.
 *
 * <p>A table is held in one of two forms: a Tablesaw {@link Table} (the CSV reader's), or a
 * {@link CompactTable} in its stored widths (every table of a local dataset). Each form is
 * available from the other on request: scoring, explaining and the peer index ask for
 * {@link #compact}, which is free on either; {@link #table} widens a compact table into Tablesaw
 * columns once and keeps it, which training and the commands that inspect, split or compare a
 * dataset use, never the path from opening to a client on screen.
 */
public final class HomeCreditData {
    private final Map<HomeCreditTable, Table> tables;
    private final Map<HomeCreditTable, CompactTable> compact;
    private final Map<HomeCreditTable, Long> orphans;
    private final List<String> notes;

    /**
     * @param tables   the tables present
     * @param orphans  per child table, the number of rows whose parent id is absent from the parent
     *                 table (kept, reported, never fatal: real extracts cover part of each history)
     * @param notes    what the readers reported without failing
     */
    public HomeCreditData(Map<HomeCreditTable, Table> tables, Map<HomeCreditTable, Long> orphans, List<String> notes) {
        this(tables, Map.of(), orphans, notes);
    }

    /** The same, with some tables (a local dataset's) in their stored widths only. */
    public HomeCreditData(Map<HomeCreditTable, Table> tables, Map<HomeCreditTable, CompactTable> compact,
                          Map<HomeCreditTable, Long> orphans, List<String> notes) {
        if (!tables.containsKey(HomeCreditTable.APPLICATION_TRAIN) && !tables.containsKey(HomeCreditTable.APPLICATION_TEST)
                && !compact.containsKey(HomeCreditTable.APPLICATION_TRAIN) && !compact.containsKey(HomeCreditTable.APPLICATION_TEST)) {
            throw new IllegalArgumentException("a dataset needs application_train.csv or application_test.csv");
        }
        this.tables = new EnumMap<>(HomeCreditTable.class);
        this.tables.putAll(tables);
        this.compact = new EnumMap<>(HomeCreditTable.class);
        this.compact.putAll(compact);
        this.orphans = Collections.unmodifiableMap(orphans.isEmpty() ? Map.of() : new EnumMap<>(orphans));
        this.notes = List.copyOf(notes);
    }

    /** Every table present as Tablesaw tables (compact ones widened: for splitting or inspecting a dataset). */
    public Map<HomeCreditTable, Table> tables() {
        Map<HomeCreditTable, Table> all = new EnumMap<>(HomeCreditTable.class);
        for (HomeCreditTable t : HomeCreditTable.values()) {
            table(t).ifPresent(frame -> all.put(t, frame));
        }
        return Collections.unmodifiableMap(all);
    }

    /** The table as Tablesaw columns; a compact one is widened on the first call (a copy in doubles). */
    public synchronized Optional<Table> table(HomeCreditTable table) {
        Table frame = tables.get(table);
        if (frame == null && compact.containsKey(table)) {
            frame = compact.get(table).toTable();
            tables.put(table, frame);
        }
        return Optional.ofNullable(frame);
    }

    /** The table in its stored widths (a view of the Tablesaw table when that is the only form). */
    public synchronized Optional<CompactTable> compact(HomeCreditTable table) {
        CompactTable found = compact.get(table);
        if (found == null && tables.containsKey(table)) {
            found = CompactTable.of(tables.get(table));
            compact.put(table, found);
        }
        return Optional.ofNullable(found);
    }

    public Map<HomeCreditTable, Long> orphans() {
        return orphans;
    }

    public List<String> notes() {
        return notes;
    }

    public synchronized boolean has(HomeCreditTable table) {
        return tables.containsKey(table) || compact.containsKey(table);
    }

    public synchronized int rowCount(HomeCreditTable table) {
        if (tables.containsKey(table)) {
            return tables.get(table).rowCount();
        }
        return compact.containsKey(table) ? compact.get(table).rowCount() : 0;
    }

    /** The levels a text column takes in the table, without widening it. */
    public List<String> levels(HomeCreditTable table, String column) {
        synchronized (this) {
            if (tables.containsKey(table)) {
                return tables.get(table).stringColumn(column).unique().asList().stream().filter(v -> !v.isEmpty()).toList();
            }
        }
        return compact(table).map(c -> c.codes(column).levels()).orElse(List.of());
    }

    /** Train plus test applicants. */
    public int clientCount() {
        return rowCount(HomeCreditTable.APPLICATION_TRAIN) + rowCount(HomeCreditTable.APPLICATION_TEST);
    }
}
