package com.pretadepenser.creditdesk.engine.data;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A read-only table in the widths it is stored in: numbers as bytes, shorts, ints, floats or
 * doubles, text as codes into a list of levels, read in place (from a memory-mapped table file,
 * or from the compact bytes of a compressed one). The child tables of a full-scale dataset hold
 * 58 million rows: as Tablesaw double columns they take 3-4 GB of heap, in place a fraction, and
 * a mapped file none at all. The feature pipeline reads child tables only through this class.
 */
public final class CompactTable {
    private final String name;
    private final int rows;
    private final Map<String, Object> columns;
    /** The columns of whole numbers without a missing marker (keys), widened to Tablesaw int columns. */
    private final Set<String> intColumns;
    /** The stored blocks of those columns, when read from a table file: copied out in bulk. */
    private final Map<String, ByteBuffer> intBlocks;

    /** A column of numbers; missing is NaN. */
    public interface Numbers {
        double get(int row);
    }

    /** A text column as codes into {@link #levels()}; missing is -1. */
    public interface Codes {
        int code(int row);

        List<String> levels();
    }

    private CompactTable(String name, int rows, Map<String, Object> columns, Set<String> intColumns, Map<String, ByteBuffer> intBlocks) {
        this.name = name;
        this.rows = rows;
        this.columns = Collections.unmodifiableMap(columns);
        this.intColumns = Set.copyOf(intColumns);
        this.intBlocks = Map.copyOf(intBlocks);
    }

    /** A view of a Tablesaw table (a CSV just read), without copying its numbers; text is coded once. */
    public static CompactTable of(Table frame) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Column<?> column : frame.columns()) {
            if (column instanceof DoubleColumn doubles) {
                columns.put(column.name(), (Numbers) doubles::getDouble);
            } else if (column instanceof IntColumn ints) {
                columns.put(column.name(), (Numbers) row -> {
                    int v = ints.getInt(row);
                    return v == Integer.MIN_VALUE ? Double.NaN : v;
                });
            } else if (column instanceof StringColumn strings) {
                columns.put(column.name(), coded(strings));
            } else {
                throw new IllegalArgumentException("unsupported column type " + column.type() + " for " + column.name());
            }
        }
        Set<String> ints = new java.util.HashSet<>();
        frame.columns().stream().filter(c -> c instanceof IntColumn).forEach(c -> ints.add(c.name()));
        return new CompactTable(frame.name(), frame.rowCount(), columns, ints, Map.of());
    }

    private static Codes coded(StringColumn strings) {
        Map<String, Integer> index = new HashMap<>();
        List<String> levels = new java.util.ArrayList<>();
        int n = strings.size();
        int[] codes = new int[n];
        for (int row = 0; row < n; row++) {
            String value = strings.get(row);
            if (value == null || value.isEmpty()) {
                codes[row] = -1;
            } else {
                codes[row] = index.computeIfAbsent(value, v -> {
                    levels.add(v);
                    return levels.size() - 1;
                });
            }
        }
        List<String> fixed = List.copyOf(levels);
        return new Codes() {
            @Override
            public int code(int row) {
                return codes[row];
            }

            @Override
            public List<String> levels() {
                return fixed;
            }
        };
    }

    /** Built by {@link ColumnarTableFile}: columns over blocks of a table file. */
    static Builder builder(String name, int rows) {
        return new Builder(name, rows);
    }

    static final class Builder {
        private final String name;
        private final int rows;
        private final Map<String, Object> columns = new LinkedHashMap<>();
        private final Set<String> ints = new java.util.HashSet<>();
        private final Map<String, ByteBuffer> intBlocks = new HashMap<>();

        private Builder(String name, int rows) {
            this.name = name;
            this.rows = rows;
        }

        void numbers(String column, ColumnarTableFile.Encoding encoding, ByteBuffer block) {
            columns.put(column, switch (encoding) {
                case I8 -> (Numbers) row -> {
                    byte b = block.get(row);
                    return b == Byte.MIN_VALUE ? Double.NaN : b;
                };
                case I16 -> (Numbers) row -> {
                    short s = block.getShort(row << 1);
                    return s == Short.MIN_VALUE ? Double.NaN : s;
                };
                case I32 -> (Numbers) row -> {
                    int i = block.getInt(row << 2);
                    return i == Integer.MIN_VALUE ? Double.NaN : i;
                };
                case F32 -> (Numbers) row -> block.getFloat(row << 2);
                case F64 -> (Numbers) row -> block.getDouble(row << 3);
                default -> throw new IllegalArgumentException(encoding + " is not a number encoding");
            });
        }

        /** A key column (stored as plain ints, no missing marker). */
        void ints(String column, ByteBuffer block) {
            columns.put(column, (Numbers) row -> {
                int v = block.getInt(row << 2);
                return v == Integer.MIN_VALUE ? Double.NaN : v;  // as a view of a Tablesaw int column reads it
            });
            ints.add(column);
            intBlocks.put(column, block);
        }

        void codes(String column, ColumnarTableFile.Encoding encoding, List<String> levels, ByteBuffer block) {
            List<String> fixed = List.copyOf(levels);
            columns.put(column, switch (encoding) {
                case TEXT8 -> codes(row -> block.get(row), fixed);
                case TEXT16 -> codes(row -> block.getShort(row << 1), fixed);
                case TEXT32 -> codes(row -> block.getInt(row << 2), fixed);
                default -> throw new IllegalArgumentException(encoding + " is not a text encoding");
            });
        }

        private static Codes codes(java.util.function.IntUnaryOperator code, List<String> levels) {
            return new Codes() {
                @Override
                public int code(int row) {
                    return code.applyAsInt(row);
                }

                @Override
                public List<String> levels() {
                    return levels;
                }
            };
        }

        CompactTable build() {
            return new CompactTable(name, rows, columns, ints, intBlocks);
        }
    }

    public String name() {
        return name;
    }

    public int rowCount() {
        return rows;
    }

    public Set<String> columnNames() {
        return columns.keySet();
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    public boolean isText(String column) {
        return column(column) instanceof Codes;
    }

    public Numbers numbers(String column) {
        if (column(column) instanceof Numbers numbers) {
            return numbers;
        }
        throw new IllegalArgumentException(name + "." + column + " is text, not numbers");
    }

    public Codes codes(String column) {
        if (column(column) instanceof Codes codes) {
            return codes;
        }
        throw new IllegalArgumentException(name + "." + column + " is numbers, not text");
    }

    /** A whole-number column (a key) as ints: the one copy a grouping needs. */
    public int[] ints(String column) {
        Numbers numbers = numbers(column);
        int[] out = new int[rows];
        ByteBuffer block = intBlocks.get(column);
        if (block != null) {
            block.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
            return out;
        }
        for (int row = 0; row < rows; row++) {
            out[row] = (int) numbers.get(row);
        }
        return out;
    }

    /**
     * The codes of a text column translated to the positions of {@code levels} (a model's training
     * levels): -1 for missing and for a level the list lacks.
     */
    public int[] remap(String column, List<String> levels) {
        List<String> own = codes(column).levels();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            position.put(levels.get(i), i);
        }
        int[] out = new int[own.size()];
        for (int i = 0; i < own.size(); i++) {
            out[i] = position.getOrDefault(own.get(i), -1);
        }
        return out;
    }

    /** The table widened into Tablesaw columns (doubles, ints, strings): a full copy. */
    public Table toTable() {
        List<Column<?>> out = new java.util.ArrayList<>(columns.size());
        for (Map.Entry<String, Object> entry : columns.entrySet()) {
            String column = entry.getKey();
            if (entry.getValue() instanceof Codes codes) {
                String[] levels = codes.levels().toArray(String[]::new);
                StringColumn strings = StringColumn.create(column);
                for (int row = 0; row < rows; row++) {
                    int code = codes.code(row);
                    if (code < 0) {
                        strings.appendMissing();
                    } else {
                        strings.append(levels[code]);
                    }
                }
                out.add(strings);
            } else if (intColumns.contains(column)) {
                out.add(IntColumn.create(column, ints(column)));
            } else {
                Numbers numbers = (Numbers) entry.getValue();
                double[] values = new double[rows];
                for (int row = 0; row < rows; row++) {
                    values[row] = numbers.get(row);
                }
                out.add(DoubleColumn.create(column, values));
            }
        }
        return Table.create(name, out);
    }

    private Object column(String column) {
        Object found = columns.get(column);
        if (found == null) {
            throw new IllegalArgumentException(name + " has no column " + column);
        }
        return found;
    }
}
