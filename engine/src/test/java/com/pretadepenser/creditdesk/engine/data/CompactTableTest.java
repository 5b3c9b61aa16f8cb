package com.pretadepenser.creditdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Child tables in their stored widths: every encoding, missing values, and the three ways to get one. */
class CompactTableTest {
    @TempDir
    Path dir;

    private static Table sample() {
        return Table.create("bureau",
                IntColumn.create("SK_ID_CURR", new int[] {100002, 100002, 100003, 100004}),
                DoubleColumn.create("FLAG", new double[] {1, 0, Double.NaN, 1}),                      // bytes
                DoubleColumn.create("DAYS", new double[] {-1188, Double.NaN, -30000, 32767}),            // shorts
                DoubleColumn.create("BIG", new double[] {365243, -5, Double.NaN, 2_000_000}),          // ints
                DoubleColumn.create("AMOUNT", new double[] {406597.5, Double.NaN, -0.5, 0}),             // floats
                DoubleColumn.create("RATIO", new double[] {0.1, 1.0 / 3, Double.NaN, -2.5e-300}),        // doubles
                StringColumn.create("STATUS", new String[] {"Closed", "", "Active", "Closed"}));
    }

    private static void assertSameValues(Table expected, CompactTable actual) {
        assertEquals(expected.rowCount(), actual.rowCount());
        assertEquals(expected.columnNames(), List.copyOf(actual.columnNames()));
        assertArrayEquals(expected.intColumn("SK_ID_CURR").asIntArray(), actual.ints("SK_ID_CURR"));
        for (String column : List.of("FLAG", "DAYS", "BIG", "AMOUNT", "RATIO")) {
            for (int row = 0; row < expected.rowCount(); row++) {
                assertEquals(Double.doubleToLongBits(expected.doubleColumn(column).getDouble(row)),
                        Double.doubleToLongBits(actual.numbers(column).get(row)), column + " row " + row);
            }
        }
        CompactTable.Codes status = actual.codes("STATUS");
        for (int row = 0; row < expected.rowCount(); row++) {
            String value = expected.stringColumn("STATUS").get(row);
            assertEquals(value.isEmpty() ? -1 : status.levels().indexOf(value), status.code(row), "STATUS row " + row);
        }
        Table widened = actual.toTable();
        for (String column : expected.columnNames()) {
            assertEquals(expected.column(column).type(), widened.column(column).type(), column);
            assertEquals(expected.column(column).asList(), widened.column(column).asList(), column);
        }
    }

    @Test
    void aTableFileReadsBackInPlaceMappedOrCompressed() throws IOException {
        for (String name : List.of("bureau.cdt", "bureau.cdt.gz")) {
            Path file = dir.resolve(name);
            ColumnarTableFile.write(sample(), "bureau.csv", file);
            assertSameValues(sample(), ColumnarTableFile.readCompact(file));
        }
    }

    @Test
    void aTableReadFromCsvIsEncodedTheSameWay() {
        assertSameValues(sample(), ColumnarTableFile.compact(sample()));
        assertSameValues(sample(), CompactTable.of(sample()));
    }

    @Test
    void codesTranslateToAModelsLevelsWithUnseenOnesMissing() {
        CompactTable table = ColumnarTableFile.compact(sample());
        int[] position = table.remap("STATUS", List.of("Active", "Bad debt", "Closed"));
        CompactTable.Codes status = table.codes("STATUS");
        assertEquals(2, position[status.code(0)], "Closed");
        assertEquals(0, position[status.code(2)], "Active");
        assertEquals(-1, status.code(1), "missing");
        int[] without = table.remap("STATUS", List.of("Active"));
        assertEquals(-1, without[status.code(0)], "a level the model never saw");
    }

    @Test
    void askingForAColumnOfTheWrongKindSaysWhich() {
        CompactTable table = ColumnarTableFile.compact(sample());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> table.numbers("STATUS")).getMessage().contains("STATUS is text"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> table.codes("FLAG")).getMessage().contains("FLAG is numbers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> table.numbers("NOPE")).getMessage().contains("has no column NOPE"));
    }
}
