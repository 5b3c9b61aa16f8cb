package com.pretadepenser.creditdesk.engine.synth;

import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Streams rows of one Kaggle-layout table to its CSV file, columns in the Kaggle order. */
final class TableWriter implements Closeable {
    private final CsvWriter csv;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<ColumnSpec> columns;
    private final String[] row;
    private long rows;

    TableWriter(HomeCreditTable table, Path folder) throws IOException {
        columns = HomeCreditSchema.get().columns(table);
        BufferedWriter out = Files.newBufferedWriter(folder.resolve(table.fileName()), StandardCharsets.UTF_8);
        csv = CsvWriter.builder().build(out);
        String[] header = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            header[i] = columns.get(i).name();
            index.put(header[i], i);
        }
        csv.writeRecord(header);
        row = new String[columns.size()];
    }

    List<ColumnSpec> columns() {
        return columns;
    }

    void clear() {
        Arrays.fill(row, "");
    }

    void set(String column, double value) {
        row[position(column)] = format(value);
    }

    void set(String column, String value) {
        row[position(column)] = value == null ? "" : value;
    }

    void setMissing(String column) {
        row[position(column)] = "";
    }

    void write() {
        csv.writeRecord(row);
        rows++;
    }

    long rows() {
        return rows;
    }

    private int position(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException("no column " + column + " in this table");
        }
        return i;
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(Math.round(value * 1e6) / 1e6);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
