package com.pretadepenser.creditdesk.engine.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven tables of the Kaggle "Home Credit Default Risk" layout (train and test applications
 * count as two files of one table). Each knows its file name, its own key and the key that ties it
 * to its parent table.
 */
public enum HomeCreditTable {
    APPLICATION_TRAIN("application_train.csv", "application", "SK_ID_CURR", null),
    APPLICATION_TEST("application_test.csv", "application", "SK_ID_CURR", null),
    BUREAU("bureau.csv", "bureau", "SK_ID_BUREAU", "SK_ID_CURR"),
    BUREAU_BALANCE("bureau_balance.csv", "bureau_balance", null, "SK_ID_BUREAU"),
    PREVIOUS_APPLICATION("previous_application.csv", "previous_application", "SK_ID_PREV", "SK_ID_CURR"),
    POS_CASH_BALANCE("POS_CASH_balance.csv", "POS_CASH_balance", null, "SK_ID_CURR"),
    INSTALLMENTS_PAYMENTS("installments_payments.csv", "installments_payments", null, "SK_ID_CURR"),
    CREDIT_CARD_BALANCE("credit_card_balance.csv", "credit_card_balance", null, "SK_ID_CURR");

    private final String fileName;
    private final String schemaName;
    private final String ownKey;
    private final String parentKey;

    HomeCreditTable(String fileName, String schemaName, String ownKey, String parentKey) {
        this.fileName = fileName;
        this.schemaName = schemaName;
        this.ownKey = ownKey;
        this.parentKey = parentKey;
    }

    /** The file name of the Kaggle download, e.g. {@code POS_CASH_balance.csv}. */
    public String fileName() {
        return fileName;
    }

    /** The table name in {@code columns.tsv}; both application files share "application". */
    public String schemaName() {
        return schemaName;
    }

    /** The column that identifies a row of this table and must be unique, if any. */
    public Optional<String> ownKey() {
        return Optional.ofNullable(ownKey);
    }

    /** The column that points to the parent table's key, if this is a child table. */
    public Optional<String> parentKey() {
        return Optional.ofNullable(parentKey);
    }

    public boolean isApplication() {
        return this == APPLICATION_TRAIN || this == APPLICATION_TEST;
    }

    /** The table whose {@link #ownKey()} this table's {@link #parentKey()} refers to. */
    public Optional<HomeCreditTable> parent() {
        return switch (this) {
            case APPLICATION_TRAIN, APPLICATION_TEST -> Optional.empty();
            case BUREAU_BALANCE -> Optional.of(BUREAU);
            default -> Optional.of(APPLICATION_TRAIN);
        };
    }

    /** Finds a table by its Kaggle file name, ignoring case (some mirrors lower-case the names). */
    public static Optional<HomeCreditTable> byFileName(String name) {
        return Arrays.stream(values()).filter(t -> t.fileName.equalsIgnoreCase(name)).findFirst();
    }
}
