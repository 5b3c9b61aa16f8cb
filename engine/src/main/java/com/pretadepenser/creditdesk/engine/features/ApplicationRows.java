package com.pretadepenser.creditdesk.engine.features;

import com.pretadepenser.creditdesk.engine.data.CompactTable;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The application rows the feature pipeline reads, column by column: a whole Tablesaw table
 * (training, a CSV), rows of a table in its stored widths (one client, a chunk of a batch), or an
 * edited application. A view costs nothing to make; building a one-row Tablesaw table costs about
 * a millisecond (Tablesaw validates and formats each of the 122 columns), more than the features.
 */
public interface ApplicationRows {
    int[] clientIds();

    /** The column's values, NaN where missing. */
    double[] numbers(String column);

    /** The column's values, empty where missing. */
    String[] texts(String column);

    static ApplicationRows of(Table table) {
        return new ApplicationRows() {
            @Override
            public int[] clientIds() {
                return table.intColumn("SK_ID_CURR").asIntArray();
            }

            @Override
            public double[] numbers(String column) {
                return table.doubleColumn(column).asDoubleArray();
            }

            @Override
            public String[] texts(String column) {
                return table.stringColumn(column).asObjectArray();
            }
        };
    }

    /**
     * Rows {@code [from, to)} of an application table in its stored widths (a local dataset's,
     * mapped or inflated; a CSV's, viewed): nothing is copied until a column is asked for, and then
     * only those rows. Opening a 356k-client dataset this way costs no decoding at all.
     */
    static ApplicationRows of(CompactTable table, int from, int to) {
        if (from < 0 || to > table.rowCount() || from > to) {
            throw new IndexOutOfBoundsException("rows " + from + "-" + to + " of " + table.rowCount());
        }
        return new ApplicationRows() {
            @Override
            public int[] clientIds() {
                CompactTable.Numbers ids = table.numbers("SK_ID_CURR");
                int[] out = new int[to - from];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (int) ids.get(from + i);
                }
                return out;
            }

            @Override
            public double[] numbers(String column) {
                CompactTable.Numbers values = table.numbers(column);
                double[] out = new double[to - from];
                for (int i = 0; i < out.length; i++) {
                    out[i] = values.get(from + i);
                }
                return out;
            }

            @Override
            public String[] texts(String column) {
                CompactTable.Codes codes = table.codes(column);
                List<String> levels = codes.levels();
                String[] out = new String[to - from];
                for (int i = 0; i < out.length; i++) {
                    int code = codes.code(from + i);
                    out[i] = code < 0 ? "" : levels.get(code);
                }
                return out;
            }
        };
    }
}
