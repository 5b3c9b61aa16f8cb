package com.pretadepenser.creditdesk.engine.data;

import java.util.Objects;

/** One column of one Home Credit table, as the schema declares it. */
public record ColumnSpec(
        HomeCreditTable table,
        String name,
        ColumnKind kind,
        Storage storage,
        String labelEn,
        String labelFr,
        String description) {

    public ColumnSpec {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(storage, "storage");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank in table " + table);
        }
        if (kind == ColumnKind.ID && storage != Storage.NUMBER) {
            throw new IllegalArgumentException("id column " + name + " must be stored as a number");
        }
    }

    public boolean isNumber() {
        return storage == Storage.NUMBER;
    }
}
