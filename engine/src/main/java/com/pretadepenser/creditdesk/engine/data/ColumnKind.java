package com.pretadepenser.creditdesk.engine.data;

/** What a column means to the model, independently of how it is written in the file. */
public enum ColumnKind {
    /** A key: SK_ID_CURR, SK_ID_BUREAU, SK_ID_PREV. */
    ID,
    /** The label: 1 = payment difficulties, 0 = repaid. */
    TARGET,
    NUMERIC,
    CATEGORICAL,
    /** Binary yes/no, written as 0/1, Y/N or Yes/No. */
    FLAG
}
