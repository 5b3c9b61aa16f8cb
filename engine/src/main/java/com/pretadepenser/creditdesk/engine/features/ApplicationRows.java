package com.pretadepenser.creditdesk.engine.features;

import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The application rows the feature pipeline reads, column by column: a whole table (training,
 * batch scoring, an edited copy) or a view of one row of a dataset's table, which costs nothing to
 * make. Building a one-row Tablesaw table costs about a millisecond (Tablesaw validates and formats
 * each of the 122 columns), more than the features themselves.
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

    /** Columns of a table by exact name, to build many {@link #row} views cheaply. */
    static Map<String, Column<?>> index(Table table) {
        Map<String, Column<?>> columns = new HashMap<>();
        for (Column<?> column : table.columns()) {
            columns.put(column.name(), column);
        }
        return columns;
    }

    /** A view of one row of a table whose columns were indexed by {@link #index(Table)}. */
    static ApplicationRows row(Map<String, Column<?>> columns, int row) {
        return new ApplicationRows() {
            @Override
            public int[] clientIds() {
                return new int[] {((IntColumn) columns.get("SK_ID_CURR")).getInt(row)};
            }

            @Override
            public double[] numbers(String column) {
                return new double[] {((DoubleColumn) require(column)).getDouble(row)};
            }

            @Override
            public String[] texts(String column) {
                return new String[] {((StringColumn) require(column)).get(row)};
            }

            private Column<?> require(String column) {
                Column<?> found = columns.get(column);
                if (found == null) {
                    throw new IllegalArgumentException("no application column " + column);
                }
                return found;
            }
        };
    }
}
