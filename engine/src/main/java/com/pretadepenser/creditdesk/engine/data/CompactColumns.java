package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.data.ColumnarTableFile.Encoding;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Columns built in their stored widths while a CSV is parsed: a child table goes from text to the
 * bytes, shorts, floats and codes a table file holds without passing through Tablesaw's double and
 * string columns, which at full scale take three times the memory. Each column starts at its
 * narrowest encoding and widens as values require, choosing in the end exactly what {@link
 * ColumnarTableFile} chooses for the whole column, so a table parsed this way and one read into
 * Tablesaw then encoded hold the same bytes.
 */
final class CompactColumns {
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOATS = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLES = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int FIRST_CAPACITY = 1 << 12;
    /** Spare room up to 1/16 of a column is kept rather than copied away at the end. */
    static final int SPARE_KEPT = 16;

    private CompactColumns() {
    }

    /** A column being filled, row by row, then handed to a table. */
    interface Column {
        /** Makes room for {@code rows} rows in all (an estimate: more may come, or fewer). */
        void reserve(int rows);

        void addTo(CompactTable.Builder table, String name);
    }

    /** Little-endian values of one width in a growing array. */
    private static final class Bytes {
        byte[] array = new byte[FIRST_CAPACITY];
        int rows;

        void ensure(int width) {
            long needed = (long) (rows + 1) * width;
            if (needed > array.length) {
                long grown = Math.max(needed, array.length + (array.length >> 1));
                if (grown > Integer.MAX_VALUE - 8) {
                    if (needed > Integer.MAX_VALUE - 8) {
                        throw new IllegalStateException("a column of more than 2 GB");
                    }
                    grown = Integer.MAX_VALUE - 8;
                }
                array = Arrays.copyOf(array, (int) grown);
            }
        }

        /** Room for {@code rows} values in all, so that a column sized ahead does not grow by copies. */
        void reserve(int rows, int width) {
            long bytes = Math.min(Integer.MAX_VALUE - 8, (long) rows * width);
            if (bytes > array.length) {
                array = Arrays.copyOf(array, (int) bytes);
            }
        }

        /** An empty array with room for as many rows as this one, at another width: for a re-encoding. */
        Bytes emptyWithRoom(int width, int newWidth) {
            Bytes empty = new Bytes();
            empty.array = new byte[Math.max(FIRST_CAPACITY, (int) Math.min(Integer.MAX_VALUE - 8, (long) array.length / width * newWidth))];
            return empty;
        }

        /** The filled part, little-endian; copied to its size unless the spare room is small. */
        ByteBuffer block(int width) {
            int length = rows * width;
            byte[] kept = array.length - length > length / SPARE_KEPT ? Arrays.copyOf(array, length) : array;
            array = null;
            return ByteBuffer.wrap(kept, 0, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Whole numbers that are never missing in a well-formed file (keys), and the label: ints. */
    static final class Ints implements Column {
        private final Bytes bytes = new Bytes();

        void add(int value) {
            bytes.ensure(4);
            INTS.set(bytes.array, bytes.rows++ << 2, value);
        }

        @Override
        public void reserve(int rows) {
            bytes.reserve(rows, 4);
        }

        @Override
        public void addTo(CompactTable.Builder table, String name) {
            table.ints(name, bytes.block(4));
        }
    }

    /**
     * Numbers (NaN for missing) in the narrowest encoding that holds every value so far exactly:
     * whole numbers as bytes, shorts or ints by their range, others as floats when every value
     * survives a trip through float, else doubles; the same rule {@link ColumnarTableFile} applies
     * to a whole column. The rule only widens as values arrive, except that a column of whole
     * numbers beyond int range (doubles) becomes floats once a fraction shows that it is not whole
     * and every value fits a float; every change re-encodes the rows so far, exactly.
     */
    static final class Numbers implements Column {
        private Bytes bytes = new Bytes();
        private Encoding encoding = Encoding.I8;
        private boolean whole = true;
        private boolean fitsFloat = true;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        void add(double value) {
            if (!Double.isNaN(value)) {
                boolean changed = false;
                if (whole && !(value == Math.rint(value) && !(value == 0 && 1 / value < 0))) {
                    whole = false;
                    changed = true;
                }
                if (fitsFloat && (double) (float) value != value) {
                    fitsFloat = false;
                    changed = true;
                }
                if (value < min) {
                    min = value;
                    changed = true;
                }
                if (value > max) {
                    max = value;
                    changed = true;
                }
                if (changed) {
                    Encoding wanted = encodingFor(whole, fitsFloat, min, max);
                    if (wanted != encoding) {
                        reencode(wanted);
                    }
                }
            }
            bytes.ensure(ColumnarTableFile.width(encoding));
            put(bytes.array, encoding, bytes.rows++, value);
        }

        Encoding encoding() {
            return encoding;
        }

        @Override
        public void reserve(int rows) {
            bytes.reserve(rows, ColumnarTableFile.width(encoding));
        }

        private void reencode(Encoding wanted) {
            Bytes widened = bytes.emptyWithRoom(ColumnarTableFile.width(encoding), ColumnarTableFile.width(wanted));
            for (int row = 0; row < bytes.rows; row++) {
                widened.ensure(ColumnarTableFile.width(wanted));
                put(widened.array, wanted, widened.rows++, valueAt(bytes.array, encoding, row));
            }
            bytes = widened;
            encoding = wanted;
        }

        @Override
        public void addTo(CompactTable.Builder table, String name) {
            table.numbers(name, encoding, bytes.block(ColumnarTableFile.width(encoding)));
        }
    }

    /** The encoding {@link ColumnarTableFile} gives a column of numbers with these properties. */
    static Encoding encodingFor(boolean whole, boolean fitsFloat, double min, double max) {
        if (!whole) {
            return fitsFloat ? Encoding.F32 : Encoding.F64;
        }
        return min > Byte.MIN_VALUE && max <= Byte.MAX_VALUE ? Encoding.I8
                : min > Short.MIN_VALUE && max <= Short.MAX_VALUE ? Encoding.I16
                : min > Integer.MIN_VALUE && max <= Integer.MAX_VALUE ? Encoding.I32 : Encoding.F64;
    }

    /**
     * Text as codes into its levels in order of first appearance (-1 for missing). A value is
     * looked up by its characters, so a row costs no String unless its value is a new level.
     */
    static final class Text implements Column {
        private final List<String> levels = new ArrayList<>();
        /** Open addressing over the levels: a slot holds a level's code, or -1. */
        private int[] slots = emptySlots(64);
        private Bytes bytes = new Bytes();
        private Encoding encoding = Encoding.TEXT8;

        void add(String value) {
            if (value == null) {
                addMissing();
            } else {
                add(value.toCharArray(), 0, value.length());
            }
        }

        void addMissing() {
            append(-1);
        }

        @Override
        public void reserve(int rows) {
            bytes.reserve(rows, ColumnarTableFile.width(encoding));
        }

        /** Adds the text {@code chars[from, to)}. */
        void add(char[] chars, int from, int to) {
            int hash = hash(chars, from, to);
            int mask = slots.length - 1;
            int slot = hash & mask;
            while (slots[slot] >= 0) {
                if (same(levels.get(slots[slot]), chars, from, to)) {
                    append(slots[slot]);
                    return;
                }
                slot = (slot + 1) & mask;
            }
            int code = levels.size();
            levels.add(new String(chars, from, to - from));
            slots[slot] = code;
            if (levels.size() * 2 > slots.length) {
                rehash();
            }
            Encoding wanted = textEncodingFor(levels.size());
            if (wanted != encoding) {
                reencode(wanted);
            }
            append(code);
        }

        private void append(int code) {
            bytes.ensure(ColumnarTableFile.width(encoding));
            putCode(bytes.array, encoding, bytes.rows++, code);
        }

        private void rehash() {
            slots = emptySlots(slots.length * 2);
            int mask = slots.length - 1;
            for (int code = 0; code < levels.size(); code++) {
                String level = levels.get(code);
                int slot = hash(level.toCharArray(), 0, level.length()) & mask;
                while (slots[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = code;
            }
        }

        private static int[] emptySlots(int size) {
            int[] slots = new int[size];
            Arrays.fill(slots, -1);
            return slots;
        }

        private static int hash(char[] chars, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + chars[i];
            }
            return h ^ (h >>> 16);
        }

        private static boolean same(String level, char[] chars, int from, int to) {
            if (level.length() != to - from) {
                return false;
            }
            for (int i = 0; i < level.length(); i++) {
                if (level.charAt(i) != chars[from + i]) {
                    return false;
                }
            }
            return true;
        }

        private void reencode(Encoding wanted) {
            Bytes widened = bytes.emptyWithRoom(ColumnarTableFile.width(encoding), ColumnarTableFile.width(wanted));
            for (int row = 0; row < bytes.rows; row++) {
                widened.ensure(ColumnarTableFile.width(wanted));
                putCode(widened.array, wanted, widened.rows++, code(bytes.array, encoding, row));
            }
            bytes = widened;
            encoding = wanted;
        }

        @Override
        public void addTo(CompactTable.Builder table, String name) {
            table.codes(name, encoding, levels, bytes.block(ColumnarTableFile.width(encoding)));
        }
    }

    /** The encoding {@link ColumnarTableFile} gives text with this many levels. */
    static Encoding textEncodingFor(int levels) {
        return levels < Byte.MAX_VALUE ? Encoding.TEXT8 : levels < Short.MAX_VALUE ? Encoding.TEXT16 : Encoding.TEXT32;
    }

    private static void put(byte[] array, Encoding encoding, int row, double value) {
        boolean missing = Double.isNaN(value);
        switch (encoding) {
            case I8 -> array[row] = missing ? Byte.MIN_VALUE : (byte) value;
            case I16 -> SHORTS.set(array, row << 1, missing ? Short.MIN_VALUE : (short) value);
            case I32 -> INTS.set(array, row << 2, missing ? Integer.MIN_VALUE : (int) value);
            case F32 -> FLOATS.set(array, row << 2, (float) value);
            case F64 -> DOUBLES.set(array, row << 3, value);
            default -> throw new IllegalArgumentException(encoding + " is not a number encoding");
        }
    }

    private static double valueAt(byte[] array, Encoding encoding, int row) {
        return switch (encoding) {
            case I8 -> array[row] == Byte.MIN_VALUE ? Double.NaN : array[row];
            case I16 -> {
                short s = (short) SHORTS.get(array, row << 1);
                yield s == Short.MIN_VALUE ? Double.NaN : s;
            }
            case I32 -> {
                int i = (int) INTS.get(array, row << 2);
                yield i == Integer.MIN_VALUE ? Double.NaN : i;
            }
            case F32 -> (float) FLOATS.get(array, row << 2);
            case F64 -> (double) DOUBLES.get(array, row << 3);
            default -> throw new IllegalArgumentException(encoding + " is not a number encoding");
        };
    }

    private static void putCode(byte[] array, Encoding encoding, int row, int code) {
        switch (encoding) {
            case TEXT8 -> array[row] = (byte) code;
            case TEXT16 -> SHORTS.set(array, row << 1, (short) code);
            default -> INTS.set(array, row << 2, code);
        }
    }

    private static int code(byte[] array, Encoding encoding, int row) {
        return switch (encoding) {
            case TEXT8 -> array[row];
            case TEXT16 -> (short) SHORTS.get(array, row << 1);
            default -> (int) INTS.get(array, row << 2);
        };
    }
}
