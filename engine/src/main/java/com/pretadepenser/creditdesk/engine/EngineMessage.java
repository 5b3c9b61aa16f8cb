package com.pretadepenser.creditdesk.engine;

import java.util.Locale;

/**
 * One constant per sentence the engine writes for a person (mostly errors). Each has its text in
 * {@code errors_en.properties} and {@code errors_fr.properties} under the key {@link #key()}, a
 * MessageFormat pattern; {@link EngineText} formats it. {@code EngineMessageBundleTest} checks
 * that both bundles hold every key, no other, with the same placeholders.
 */
public enum EngineMessage {
    DATA_AT_VALUE,
    DATA_AT_VALUE_HINT,
    DATA_AT_LINE,
    DATA_IN_FILE,
    CANNOT_READ,
    ALREADY_EXISTS_REPLACE,
    CANNOT_WRITE_NO_FOLDER,
    DATASET_NO_MANIFEST,
    DATASET_MANIFEST_UNREADABLE,
    DATASET_NEWER_FORMAT,
    DATASET_FILE_MISSING,
    DATASET_ROW_COUNT,
    COULD_NOT_READ,
    INTERRUPTED_READING,
    DATASET_NOT_ENOUGH_MEMORY,
    CANNOT_WRITE_NOTHING_WRITTEN,
    TABLE_FILE_INCOMPLETE,
    TABLE_FILE_TOO_LARGE,
    TABLE_FILE_TOO_SHORT,
    TABLE_FILE_BAD_SIGNATURE,
    TABLE_FILE_BAD_HEADER,
    TABLE_FILE_TRUNCATED,
    TABLE_COLUMN_TOO_LARGE,
    CSV_FILE_NOT_FOUND,
    CSV_EMPTY,
    CSV_UNREADABLE,
    CSV_MISSING_COLUMNS,
    CSV_MISNAMED_TARGET,
    CSV_NO_TARGET,
    CSV_TRUNCATED_LAST_LINE,
    CSV_TRUNCATED_HINT,
    CSV_FIELD_COUNT,
    CSV_DUPLICATE_KEY,
    CSV_DUPLICATE_KEY_HINT,
    CSV_ID_MISSING,
    CSV_ID_MISSING_HINT,
    CSV_ID_NOT_WHOLE,
    CSV_ID_NOT_WHOLE_HINT,
    CSV_TARGET_NOT_BINARY,
    CSV_TARGET_NOT_BINARY_HINT,
    CSV_NOT_A_NUMBER,
    CSV_NOT_A_NUMBER_HINT,
    CSV_NOT_FINITE,
    CSV_NOT_FINITE_HINT,
    FILE_EMPTY,
    DICTIONARY_COLUMNS,
    IMPORT_TARGET_IN_SOURCE,
    CANNOT_WRITE_NOTHING_CHANGED,
    FOLDER_APPEARED,
    NOT_A_FOLDER,
    CANNOT_LIST,
    NO_APPLICATION_FILE,
    TEST_ID_IN_TRAIN,
    TEST_ID_IN_TRAIN_HINT,
    SCHEMA_MISSING,
    SCHEMA_MALFORMED_LINE,
    SCHEMA_UNREADABLE,
    SCHEMA_NO_TABLE;

    /** The bundle key: the constant's name in lower case, words separated by dots. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
