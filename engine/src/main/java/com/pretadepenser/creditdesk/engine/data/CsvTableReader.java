package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.EngineText;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads one Kaggle-layout CSV into a Tablesaw frame typed by {@link HomeCreditSchema}.
 *
 * <p>Forgiving about what real exports contain: a UTF-8 byte-order mark, CRLF line ends, quoted
 * fields with commas, empty and {@code NA} for missing values, a leading unnamed index column.
 * Strict about what is wrong: a missing column, a non-numeric value where a number belongs, a
 * duplicated key, a line with the wrong number of fields or a truncated last line stop the read
 * with a {@link DataFormatException} naming file, line, column and value. Columns the schema does
 * not know are reported in {@link LoadedTable#notes()}, never dropped silently.
 */
public final class CsvTableReader {
    /** Names people give the label column; a file using one is refused with a rename hint. */
    private static final Set<String> LABEL_ALIASES = Set.of(
            "DEFAULTED", "DEFAULT", "LABEL", "Y", "BAD", "IS_DEFAULT", "DEFAULT_FLAG", "CLASS");

    /** What the decoder puts in place of bytes that are not UTF-8 (Latin-1 or Windows-1252 text, binary junk). */
    private static final char NOT_DECODED = '\uFFFD';

    /** Tablesaw's marker for a missing int (an unlabelled TARGET). */
    private static final int MISSING_INT = Integer.MIN_VALUE;

    private final HomeCreditSchema schema;

    public CsvTableReader() {
        this(HomeCreditSchema.get());
    }

    public CsvTableReader(HomeCreditSchema schema) {
        this.schema = schema;
    }

    public LoadedTable read(HomeCreditTable table, Path file) {
        return read(table, file, ProgressMonitor.NONE);
    }

    /**
     * Reads the file; {@code progress} is told the bytes read so far of the file's size (with the
     * file's name) now and then, and polled as often: cancelled, the reading stops.
     */
    public LoadedTable read(HomeCreditTable table, Path file, ProgressMonitor progress) {
        if (!Files.isRegularFile(file)) {
            throw new CreditDeskException(EngineMessage.CSV_FILE_NOT_FOUND, file, table.fileName());
        }
        boolean endsWithNewline = endsWithNewline(file);
        CsvReader.CsvReaderBuilder builder = CsvReader.builder()
                .detectBomHeader(true)
                .ignoreDifferentFieldCount(true)
                .skipEmptyLines(true);
        try (CsvReader<CsvRecord> csv = builder.ofCsvRecord(file)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw DataFormatException.inFile(file, EngineText.of(EngineMessage.CSV_EMPTY, table.fileName()));
            }
            Header header = Header.resolve(file, table, records.next(), schema);
            Sink sink = new Sink(file, table, header);
            long rows = 0;
            while (records.hasNext()) {
                CsvRecord record = records.next();
                boolean last = !records.hasNext();
                sink.accept(record, last && !endsWithNewline);
                if ((++rows & 0xFFFF) == 0) {
                    progress.checkCancelled("reading " + table.fileName());
                    progress.progress(approximateBytes(file, rows, sink.bytesPerRow()), sizeOf(file), table.fileName());
                }
            }
            progress.progress(sizeOf(file), sizeOf(file), table.fileName());
            return new LoadedTable(table, file, sink.toTable(), header.notes());
        } catch (CsvParseException e) {
            throw DataFormatException.inFile(file, EngineText.of(EngineMessage.CSV_UNREADABLE, e.getMessage()));
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_READ, file, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_READ, file, e.getCause().getMessage());
        }
    }

    private static long approximateBytes(Path file, long rows, double bytesPerRow) {
        return Math.min(sizeOf(file), (long) (rows * bytesPerRow));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean endsWithNewline(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() == 0) {
                return true;
            }
            raf.seek(raf.length() - 1);
            int last = raf.read();
            return last == '\n' || last == '\r';
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_READ, file, e.getMessage());
        }
    }

    /** Where each schema column sits in the file, and what the header told us. */
    private record Header(List<ColumnSpec> columns, int[] positions, List<String> names, List<String> notes) {
        int fieldCount() {
            return names.size();
        }

        /** The header's name of field {@code index} (0-based), or its position when unnamed. */
        String name(int index) {
            String name = names.get(index);
            return name.isEmpty() ? "#" + (index + 1) : name;
        }

        static Header resolve(Path file, HomeCreditTable table, CsvRecord headerRecord, HomeCreditSchema schema) {
            List<String> names = new ArrayList<>();
            for (String field : headerRecord.getFields()) {
                names.add(field.strip());
            }
            List<String> notes = new ArrayList<>();
            List<ColumnSpec> columns = schema.columns(table);
            List<String> missing = new ArrayList<>();
            int[] positions = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                positions[i] = names.indexOf(columns.get(i).name());
                if (positions[i] < 0) {
                    missing.add(columns.get(i).name());
                }
            }
            if (missing.contains("TARGET")) {
                refuseMisnamedLabel(file, table, names);
            }
            if (!missing.isEmpty()) {
                throw DataFormatException.inFile(file, EngineText.of(EngineMessage.CSV_MISSING_COLUMNS,
                        missing.size(), abbreviate(missing), columns.size(), table.fileName()));
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                boolean known = schema.column(table, name).isPresent();
                if (i == 0 && (name.isEmpty() || name.startsWith("Unnamed"))) {
                    notes.add("ignored the leading unnamed index column");
                } else if (!known) {
                    notes.add("column " + (name.isEmpty() ? "#" + (i + 1) : name)
                            + " is not part of the Home Credit layout and was not kept");
                }
            }
            return new Header(columns, positions, List.copyOf(names), notes);
        }

        private static void refuseMisnamedLabel(Path file, HomeCreditTable table, List<String> names) {
            for (int i = 0; i < names.size(); i++) {
                String upper = names.get(i).toUpperCase(Locale.ROOT);
                if (LABEL_ALIASES.contains(upper) || upper.equals("TARGET")) {
                    throw DataFormatException.inFile(file, EngineText.of(EngineMessage.CSV_MISNAMED_TARGET, i + 1, names.get(i)));
                }
            }
            if (table == HomeCreditTable.APPLICATION_TRAIN && !names.contains("TARGET")) {
                throw DataFormatException.inFile(file, EngineText.of(EngineMessage.CSV_NO_TARGET));
            }
        }

        private static String abbreviate(List<String> names) {
            return names.size() <= 8 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 8)) + ", ...";
        }
    }

    /**
     * A Tablesaw column over the parsed values themselves: Tablesaw's {@code create(name, values)}
     * copies them, and at full scale a table's columns are hundreds of megabytes, read two at once.
     */
    private static final class ParsedDoubles extends DoubleColumn {
        ParsedDoubles(String name, DoubleArrayList values) {
            super(name, values);
        }
    }

    private static final class ParsedInts extends IntColumn {
        ParsedInts(String name, IntArrayList values) {
            super(name, values);
        }
    }

    /** Accumulates parsed values column by column: no per-row objects. */
    private static final class Sink {
        private final Path file;
        private final HomeCreditTable table;
        private final Header header;
        private final Object[] buffers;
        private final Int2LongOpenHashMap seenKeys = new Int2LongOpenHashMap();
        private final int keyIndex;
        private long bytesSeen;
        private long rowsSeen;

        Sink(Path file, HomeCreditTable table, Header header) {
            this.file = file;
            this.table = table;
            this.header = header;
            List<ColumnSpec> columns = header.columns();
            buffers = new Object[columns.size()];
            int key = -1;
            for (int i = 0; i < columns.size(); i++) {
                ColumnSpec spec = columns.get(i);
                buffers[i] = switch (spec.kind()) {
                    case ID, TARGET -> new IntArrayList();
                    default -> spec.isNumber() ? new DoubleArrayList() : StringColumn.create(spec.name());
                };
                if (table.ownKey().map(spec.name()::equals).orElse(false)) {
                    key = i;
                }
            }
            keyIndex = key;
            seenKeys.defaultReturnValue(-1);
        }

        double bytesPerRow() {
            return rowsSeen == 0 ? 0 : (double) bytesSeen / rowsSeen;
        }

        void accept(CsvRecord record, boolean unterminatedLast) {
            long line = record.getStartingLineNumber();
            if (record.getFieldCount() != header.fieldCount()) {
                if (unterminatedLast && record.getFieldCount() < header.fieldCount()) {
                    int fields = record.getFieldCount();
                    throw DataFormatException.atValue(file, line, header.name(fields - 1), record.getField(fields - 1),
                            EngineText.of(EngineMessage.CSV_TRUNCATED_LAST_LINE, fields, header.fieldCount(), header.name(fields)),
                            EngineText.of(EngineMessage.CSV_TRUNCATED_HINT));
                }
                throw DataFormatException.atLine(file, line, EngineText.of(EngineMessage.CSV_FIELD_COUNT, record.getFieldCount(), header.fieldCount()));
            }
            List<ColumnSpec> columns = header.columns();
            int[] positions = header.positions();
            for (int i = 0; i < columns.size(); i++) {
                String raw = record.getField(positions[i]);
                if (raw.indexOf(NOT_DECODED) >= 0) {
                    // the reader put U+FFFD where bytes were not UTF-8: refused rather than stored altered
                    throw DataFormatException.atValue(file, line, columns.get(i).name(), raw,
                            EngineText.of(EngineMessage.CSV_NOT_UTF8), EngineText.of(EngineMessage.CSV_NOT_UTF8_HINT));
                }
                bytesSeen += raw.length() + 1;
                store(i, columns.get(i), raw, line);
            }
            rowsSeen++;
            if (keyIndex >= 0) {
                IntArrayList keys = (IntArrayList) buffers[keyIndex];
                int key = keys.getInt(keys.size() - 1);
                long previous = seenKeys.put(key, line);
                if (previous >= 0) {
                    throw DataFormatException.atValue(file, line, columns.get(keyIndex).name(),
                            Integer.toString(key), EngineText.of(EngineMessage.CSV_DUPLICATE_KEY, previous),
                            EngineText.of(EngineMessage.CSV_DUPLICATE_KEY_HINT, columns.get(keyIndex).name(), table.fileName()));
                }
            }
        }

        private void store(int i, ColumnSpec spec, String raw, long line) {
            String value = raw.strip();
            boolean missing = value.isEmpty() || value.equals("NA");
            switch (spec.kind()) {
                case ID -> {
                    if (missing) {
                        throw DataFormatException.atValue(file, line, spec.name(), raw, EngineText.of(EngineMessage.CSV_ID_MISSING),
                                EngineText.of(EngineMessage.CSV_ID_MISSING_HINT, spec.name()));
                    }
                    ((IntArrayList) buffers[i]).add(parseId(spec, value, line));
                }
                case TARGET -> ((IntArrayList) buffers[i]).add(missing ? MISSING_INT : parseTarget(value, line));
                default -> {
                    if (spec.isNumber()) {
                        ((DoubleArrayList) buffers[i]).add(missing ? Double.NaN : parseNumber(spec, value, line));
                    } else {
                        StringColumn column = (StringColumn) buffers[i];
                        if (missing) {
                            column.appendMissing();
                        } else {
                            column.append(value);
                        }
                    }
                }
            }
        }

        private int parseId(ColumnSpec spec, String value, long line) {
            double number = parseNumber(spec, value, line);
            if (number != Math.rint(number) || number <= 0 || number > Integer.MAX_VALUE) {
                throw DataFormatException.atValue(file, line, spec.name(), value,
                        EngineText.of(EngineMessage.CSV_ID_NOT_WHOLE),
                        EngineText.of(EngineMessage.CSV_ID_NOT_WHOLE_HINT));
            }
            return (int) number;
        }

        private int parseTarget(String value, long line) {
            if (value.equals("0") || value.equals("0.0")) {
                return 0;
            }
            if (value.equals("1") || value.equals("1.0")) {
                return 1;
            }
            throw DataFormatException.atValue(file, line, "TARGET", value, EngineText.of(EngineMessage.CSV_TARGET_NOT_BINARY),
                    EngineText.of(EngineMessage.CSV_TARGET_NOT_BINARY_HINT));
        }

        private double parseNumber(ColumnSpec spec, String value, long line) {
            double number;
            try {
                number = Decimals.parse(value);
            } catch (NumberFormatException e) {
                throw DataFormatException.atValue(file, line, spec.name(), value, EngineText.of(EngineMessage.CSV_NOT_A_NUMBER),
                        EngineText.of(EngineMessage.CSV_NOT_A_NUMBER_HINT));
            }
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw DataFormatException.atValue(file, line, spec.name(), value, EngineText.of(EngineMessage.CSV_NOT_FINITE),
                        EngineText.of(EngineMessage.CSV_NOT_FINITE_HINT));
            }
            return number;
        }

        Table toTable() {
            List<ColumnSpec> columns = header.columns();
            List<Column<?>> built = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i).name();
                Object buffer = buffers[i];
                if (buffer instanceof IntArrayList ints) {
                    ints.trim();
                    built.add(new ParsedInts(name, ints));
                } else if (buffer instanceof DoubleArrayList doubles) {
                    doubles.trim();
                    built.add(new ParsedDoubles(name, doubles));
                } else {
                    built.add((StringColumn) buffer);
                }
            }
            return Table.create(table.fileName(), built);
        }
    }
}
