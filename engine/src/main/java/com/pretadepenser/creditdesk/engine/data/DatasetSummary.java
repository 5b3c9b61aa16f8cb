package com.pretadepenser.creditdesk.engine.data;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** What {@code inspect} shows: per table its rows and per column its type and missing rate. */
public record DatasetSummary(boolean synthetic, List<TableSummary> tables, double targetRate, long labelled) {

    public record TableSummary(String table, int rows, List<ColumnSummary> columns) {
    }

    public record ColumnSummary(String name, String type, double missingRate) {
    }

    public static DatasetSummary of(HomeCreditData data, boolean synthetic) {
        List<TableSummary> tables = new ArrayList<>();
        for (HomeCreditTable table : HomeCreditTable.values()) {
            data.table(table).ifPresent(frame -> tables.add(summarise(table, frame)));
        }
        double rate = Double.NaN;
        long labelled = 0;
        if (data.has(HomeCreditTable.APPLICATION_TRAIN)) {
            int[] target = data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow().intColumn("TARGET").asIntArray();
            long ones = 0;
            for (int t : target) {
                if (t != Integer.MIN_VALUE) {
                    labelled++;
                    ones += t;
                }
            }
            rate = labelled == 0 ? Double.NaN : ones / (double) labelled;
        }
        return new DatasetSummary(synthetic, tables, rate, labelled);
    }

    private static TableSummary summarise(HomeCreditTable table, Table frame) {
        List<ColumnSummary> columns = new ArrayList<>();
        for (Column<?> column : frame.columns()) {
            double missing = frame.rowCount() == 0 ? 0 : column.countMissing() / (double) frame.rowCount();
            columns.add(new ColumnSummary(column.name(), column.type().name(), missing));
        }
        return new TableSummary(table.fileName(), frame.rowCount(), columns);
    }
}
