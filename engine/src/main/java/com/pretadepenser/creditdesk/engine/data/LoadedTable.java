package com.pretadepenser.creditdesk.engine.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * One Home Credit table read into memory, with what the reader had to say about it.
 *
 * @param notes things the user should know but that did not stop the load, e.g. columns the
 *              schema does not know and that were therefore not kept
 */
public record LoadedTable(HomeCreditTable table, Path source, Table frame, List<String> notes) {
    public LoadedTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(frame, "frame");
        notes = List.copyOf(notes);
    }

    public int rowCount() {
        return frame.rowCount();
    }
}
