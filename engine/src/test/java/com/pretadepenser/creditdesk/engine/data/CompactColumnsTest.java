package com.pretadepenser.creditdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pretadepenser.creditdesk.engine.data.ColumnarTableFile.Encoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Columns built while parsing widen to exactly what a table file chooses for the whole column. */
class CompactColumnsTest {
    private static final Random RANDOM = new Random(7);

    /** Builds the column value by value and checks its encoding and every value against the table file's. */
    private static Encoding assertSameAsTableFile(double[] values) {
        CompactColumns.Numbers built = new CompactColumns.Numbers();
        for (double v : values) {
            built.add(v);
        }
        CompactTable.Builder table = CompactTable.builder("t", values.length);
        built.addTo(table, "X");
        CompactTable parsed = table.build();
        CompactTable encoded = ColumnarTableFile.compact(Table.create("t", DoubleColumn.create("X", values)));
        for (int row = 0; row < values.length; row++) {
            assertEquals(Double.doubleToLongBits(encoded.numbers("X").get(row)), Double.doubleToLongBits(parsed.numbers("X").get(row)),
                    "row " + row + " of " + values.length);
            assertEquals(Double.doubleToLongBits(values[row]), Double.doubleToLongBits(parsed.numbers("X").get(row)), "exact, row " + row);
        }
        return built.encoding();
    }

    private static double[] column(int rows, DoubleSupplier value) {
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = RANDOM.nextInt(10) == 0 ? Double.NaN : value.getAsDouble();
        }
        return values;
    }

    @Test
    void wholeNumbersWidenByRangeAsTheyArrive() {
        assertEquals(Encoding.I8, assertSameAsTableFile(column(5000, () -> RANDOM.nextInt(255) - 127)));
        assertEquals(Encoding.I16, assertSameAsTableFile(column(5000, () -> RANDOM.nextInt(3) == 0 ? -30000 : RANDOM.nextInt(100))));
        assertEquals(Encoding.I32, assertSameAsTableFile(column(9000, () -> RANDOM.nextInt(100) == 0 ? 365243 : -RANDOM.nextInt(50))));
        assertEquals(Encoding.I8, assertSameAsTableFile(new double[] {Double.NaN, Double.NaN}), "all missing");
        assertEquals(Encoding.I8, assertSameAsTableFile(new double[0]), "no rows");
        assertEquals(Encoding.I16, assertSameAsTableFile(new double[] {1, -128}), "the byte's minimum is its missing marker");
    }

    @Test
    void fractionsBecomeFloatsWhenEveryValueSurvivesAndDoublesOtherwise() {
        assertEquals(Encoding.F32, assertSameAsTableFile(column(5000, () -> RANDOM.nextInt(2_000_000) / 2.0)), "amounts in halves");
        assertEquals(Encoding.F32, assertSameAsTableFile(new double[] {1, 2, -0.0, 3}), "a negative zero is not whole");
        assertEquals(Encoding.F64, assertSameAsTableFile(column(5000, RANDOM::nextDouble)));
        assertEquals(Encoding.F64, assertSameAsTableFile(new double[] {20_000_001, 0.5}), "an int a float cannot hold, then a fraction");
        assertEquals(Encoding.F64, assertSameAsTableFile(new double[] {0.5, 1, 0.1}), "floats, then one that is not");
    }

    @Test
    void wholeNumbersBeyondIntRangeAreDoublesUntilAFractionMakesFloatsEnough() {
        assertEquals(Encoding.F64, assertSameAsTableFile(new double[] {3e9, 1, Double.NaN}));
        assertEquals(Encoding.F32, assertSameAsTableFile(new double[] {3e9, 1, Double.NaN, 0.5}), "3e9 and 0.5 fit a float");
    }

    @Test
    void textKeepsLevelsInOrderOfFirstAppearanceAndWidensItsCodes() {
        for (int levels : new int[] {3, 126, 127, 40_000}) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < levels * 3; i++) {
                values.add(RANDOM.nextInt(8) == 0 ? "" : "level " + (i < levels ? i : RANDOM.nextInt(levels)));
            }
            CompactColumns.Text built = new CompactColumns.Text();
            values.forEach(v -> built.add(v.isEmpty() ? null : v));
            CompactTable.Builder table = CompactTable.builder("t", values.size());
            built.addTo(table, "S");
            CompactTable.Codes parsed = table.build().codes("S");
            CompactTable.Codes encoded = ColumnarTableFile.compact(Table.create("t", StringColumn.create("S", values))).codes("S");
            assertEquals(encoded.levels(), parsed.levels(), levels + " levels");
            for (int row = 0; row < values.size(); row++) {
                assertEquals(encoded.code(row), parsed.code(row), levels + " levels, row " + row);
            }
        }
    }
}
