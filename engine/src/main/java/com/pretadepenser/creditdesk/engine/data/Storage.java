package com.pretadepenser.creditdesk.engine.data;

/** How a column's values are written in a Kaggle CSV, and so how they are held in memory. */
public enum Storage {
    /** Parsed as a double; empty and {@code NA} are missing (NaN). */
    NUMBER,
    /** Kept as text; empty and {@code NA} are missing (""). */
    TEXT
}
