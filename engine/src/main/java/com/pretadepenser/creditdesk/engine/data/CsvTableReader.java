package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.EngineText;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordWrapper;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * After this many rows, the columns are sized for the rows the file's size suggests: at full
     * scale, growing by copies made a gigabyte of short-lived arrays per table.
     */
    private static final int ROWS_BEFORE_ESTIMATE = 4096;

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
        Parsed parsed = parse(table, file, progress, false);
        return new LoadedTable(table, file, parsed.sink().toTable(), parsed.notes());
    }

    /**
     * Reads the file straight into the widths a table file stores (bytes, shorts, floats, codes),
     * with the same checks and messages as {@link #read}: for the child tables, whose Tablesaw
     * form takes three times the memory at full scale.
     */
    CompactRead readCompact(HomeCreditTable table, Path file, ProgressMonitor progress) {
        Parsed parsed = parse(table, file, progress, true);
        return new CompactRead(parsed.sink().toCompact(), parsed.notes());
    }

    /** A table read in its stored widths, with the reader's notes (see {@link LoadedTable#notes()}). */
    record CompactRead(CompactTable table, List<String> notes) {
    }

    private record Parsed(Sink sink, List<String> notes) {
    }

    private Parsed parse(HomeCreditTable table, Path file, ProgressMonitor progress, boolean compact) {
        if (!Files.isRegularFile(file)) {
            throw new CreditDeskException(EngineMessage.CSV_FILE_NOT_FOUND, file, table.fileName());
        }
        boolean endsWithNewline = endsWithNewline(file);
        CsvReader.CsvReaderBuilder builder = CsvReader.builder()
                .detectBomHeader(true)
                .ignoreDifferentFieldCount(true)
                .skipEmptyLines(true);
        try (CsvReader<Fields> csv = builder.build(new Fields(), file)) {
            Iterator<Fields> records = csv.iterator();
            if (!records.hasNext()) {
                throw DataFormatException.inFile(file, EngineText.of(EngineMessage.CSV_EMPTY, table.fileName()));
            }
            Header header = Header.resolve(file, table, records.next().texts(), schema);
            Sink sink = new Sink(file, table, header, compact);
            long rows = 0;
            long fileSize = sizeOf(file);
            while (records.hasNext()) {
                sink.accept(records.next());
                if (++rows == ROWS_BEFORE_ESTIMATE) {
                    sink.reserve(fileSize);
                }
                if ((rows & 0xFFFF) == 0) {
                    progress.checkCancelled("reading " + table.fileName());
                    progress.progress(approximateBytes(file, rows, sink.bytesPerRow()), sizeOf(file), table.fileName());
                }
            }
            sink.finish(endsWithNewline);
            progress.progress(sizeOf(file), sizeOf(file), table.fileName());
            return new Parsed(sink, header.notes());
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

        static Header resolve(Path file, HomeCreditTable table, List<String> fields, HomeCreditSchema schema) {
            List<String> names = new ArrayList<>();
            for (String field : fields) {
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

    /**
     * The fields of the record being read, as slices of one array the parser's characters are
     * copied into: a row becomes numbers and codes without a String per field (at full scale the
     * child tables hold 400 million fields). The record handed on is this object itself, valid
     * until the next one is read.
     */
    private static final class Fields extends AbstractBaseCsvCallbackHandler<Fields> {
        private char[] chars = new char[1024];
        private int[] from = new int[64];
        private int[] to = new int[64];
        private int used;

        @Override
        protected void handleBegin(long startingLineNumber) {
            used = 0;
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            if (index >= from.length) {
                from = Arrays.copyOf(from, from.length * 2);
                to = Arrays.copyOf(to, to.length * 2);
            }
            if (used + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
            }
            System.arraycopy(buffer, offset, chars, used, length);
            from[index] = used;
            used += length;
            to[index] = used;
        }

        @Override
        protected RecordWrapper<Fields> buildRecord() {
            return wrapRecord(this);
        }

        long line() {
            return getStartingLineNumber();
        }

        int count() {
            return getFieldCount();
        }

        String text(int index) {
            return new String(chars, from[index], to[index] - from[index]);
        }

        List<String> texts() {
            List<String> texts = new ArrayList<>(count());
            for (int i = 0; i < count(); i++) {
                texts.add(text(i));
            }
            return texts;
        }
    }

    /**
     * Accumulates parsed values column by column, no per-row objects: as Tablesaw columns, or
     * ({@code compact}) as {@link CompactColumns} in their stored widths.
     */
    private static final class Sink {
        private final Path file;
        private final HomeCreditTable table;
        private final Header header;
        private final Object[] buffers;
        private final Int2LongOpenHashMap seenKeys = new Int2LongOpenHashMap();
        private final int keyIndex;
        private int lastKey;
        private long bytesSeen;
        private long rowsSeen;

        Sink(Path file, HomeCreditTable table, Header header, boolean compact) {
            this.file = file;
            this.table = table;
            this.header = header;
            List<ColumnSpec> columns = header.columns();
            buffers = new Object[columns.size()];
            int key = -1;
            for (int i = 0; i < columns.size(); i++) {
                ColumnSpec spec = columns.get(i);
                buffers[i] = switch (spec.kind()) {
                    case ID, TARGET -> compact ? new CompactColumns.Ints() : new IntArrayList();
                    default -> spec.isNumber()
                            ? (compact ? new CompactColumns.Numbers() : new DoubleArrayList())
                            : (compact ? new CompactColumns.Text() : StringColumn.create(spec.name()));
                };
                if (table.ownKey().map(spec.name()::equals).orElse(false)) {
                    key = i;
                }
            }
            keyIndex = key;
            seenKeys.defaultReturnValue(-1);
        }

        /** Sizes every column for the rows a file of {@code fileSize} bytes holds at the rows' mean size so far. */
        void reserve(long fileSize) {
            if (rowsSeen == 0 || bytesSeen == 0) {
                return;
            }
            int rows = (int) Math.min(Integer.MAX_VALUE - 8, (long) (fileSize / bytesPerRow() * 1.02) + 1);
            for (Object buffer : buffers) {
                if (buffer instanceof CompactColumns.Column column) {
                    column.reserve(rows);
                } else if (buffer instanceof IntArrayList ints) {
                    ints.ensureCapacity(rows);
                } else if (buffer instanceof DoubleArrayList doubles) {
                    doubles.ensureCapacity(rows);
                }
            }
        }

        double bytesPerRow() {
            return rowsSeen == 0 ? 0 : (double) bytesSeen / rowsSeen;
        }

        /**
         * A record with too few fields, held until the next tells whether it was the last line
         * of the file (then cut short, most likely) or a bad line in the middle.
         */
        private DataFormatException shortRecord;
        private DataFormatException truncatedLast;

        void accept(Fields record) {
            if (shortRecord != null) {
                throw shortRecord;
            }
            long line = record.line();
            int count = record.count();
            if (count != header.fieldCount()) {
                DataFormatException mismatch = DataFormatException.atLine(file, line,
                        EngineText.of(EngineMessage.CSV_FIELD_COUNT, count, header.fieldCount()));
                if (count > header.fieldCount()) {
                    throw mismatch;
                }
                shortRecord = mismatch;
                truncatedLast = DataFormatException.atValue(file, line, header.name(count - 1), record.text(count - 1),
                        EngineText.of(EngineMessage.CSV_TRUNCATED_LAST_LINE, count, header.fieldCount(), header.name(count)),
                        EngineText.of(EngineMessage.CSV_TRUNCATED_HINT));
                return;
            }
            List<ColumnSpec> columns = header.columns();
            int[] positions = header.positions();
            for (int i = 0; i < columns.size(); i++) {
                store(i, columns.get(i), record, positions[i]);
            }
            bytesSeen += record.used + count;  // the fields, their separators and the line end (quotes aside)
            rowsSeen++;
            if (keyIndex >= 0) {
                int key = lastKey;
                long previous = seenKeys.put(key, line);
                if (previous >= 0) {
                    throw DataFormatException.atValue(file, line, columns.get(keyIndex).name(),
                            Integer.toString(key), EngineText.of(EngineMessage.CSV_DUPLICATE_KEY, previous),
                            EngineText.of(EngineMessage.CSV_DUPLICATE_KEY_HINT, columns.get(keyIndex).name(), table.fileName()));
                }
            }
        }

        /** After the last record: one held back for too few fields is refused now. */
        void finish(boolean endsWithNewline) {
            if (shortRecord != null) {
                throw endsWithNewline ? shortRecord : truncatedLast;
            }
        }

        private void store(int i, ColumnSpec spec, Fields record, int field) {
            char[] chars = record.chars;
            int from = record.from[field];
            int to = record.to[field];
            while (from < to && Character.isWhitespace(chars[from])) {
                from++;
            }
            while (to > from && Character.isWhitespace(chars[to - 1])) {
                to--;
            }
            boolean missing = from == to || (to - from == 2 && chars[from] == 'N' && chars[from + 1] == 'A');
            switch (spec.kind()) {
                case ID -> {
                    if (missing) {
                        throw DataFormatException.atValue(file, record.line(), spec.name(), record.text(field),
                                EngineText.of(EngineMessage.CSV_ID_MISSING), EngineText.of(EngineMessage.CSV_ID_MISSING_HINT, spec.name()));
                    }
                    int id = parseId(spec, record, field, from, to);
                    if (i == keyIndex) {
                        lastKey = id;
                    }
                    addInt(buffers[i], id);
                }
                case TARGET -> addInt(buffers[i], missing ? MISSING_INT : parseTarget(spec, record, field, from, to));
                default -> {
                    if (spec.isNumber()) {
                        double number = missing ? Double.NaN : parseNumber(spec, record, field, from, to);
                        if (buffers[i] instanceof DoubleArrayList doubles) {
                            doubles.add(number);
                        } else {
                            ((CompactColumns.Numbers) buffers[i]).add(number);
                        }
                    } else {
                        refuseUndecoded(spec, record, field);
                        if (buffers[i] instanceof StringColumn column) {
                            if (missing) {
                                column.appendMissing();
                            } else {
                                column.append(new String(chars, from, to - from));
                            }
                        } else if (missing) {
                            ((CompactColumns.Text) buffers[i]).addMissing();
                        } else {
                            ((CompactColumns.Text) buffers[i]).add(chars, from, to);
                        }
                    }
                }
            }
        }

        /** The reader puts U+FFFD where bytes were not UTF-8: such a value is refused rather than stored altered. */
        private void refuseUndecoded(ColumnSpec spec, Fields record, int field) {
            for (int c = record.from[field]; c < record.to[field]; c++) {
                if (record.chars[c] == NOT_DECODED) {
                    throw DataFormatException.atValue(file, record.line(), spec.name(), record.text(field),
                            EngineText.of(EngineMessage.CSV_NOT_UTF8), EngineText.of(EngineMessage.CSV_NOT_UTF8_HINT));
                }
            }
        }

        private static void addInt(Object buffer, int value) {
            if (buffer instanceof IntArrayList ints) {
                ints.add(value);
            } else {
                ((CompactColumns.Ints) buffer).add(value);
            }
        }

        private int parseId(ColumnSpec spec, Fields record, int field, int from, int to) {
            double number = parseNumber(spec, record, field, from, to);
            if (number != Math.rint(number) || number <= 0 || number > Integer.MAX_VALUE) {
                throw DataFormatException.atValue(file, record.line(), spec.name(), new String(record.chars, from, to - from),
                        EngineText.of(EngineMessage.CSV_ID_NOT_WHOLE),
                        EngineText.of(EngineMessage.CSV_ID_NOT_WHOLE_HINT));
            }
            return (int) number;
        }

        private int parseTarget(ColumnSpec spec, Fields record, int field, int from, int to) {
            char[] c = record.chars;
            int length = to - from;
            if ((length == 1 || (length == 3 && c[from + 1] == '.' && c[from + 2] == '0')) && (c[from] == '0' || c[from] == '1')) {
                return c[from] - '0';
            }
            refuseUndecoded(spec, record, field);
            throw DataFormatException.atValue(file, record.line(), "TARGET", new String(c, from, length),
                    EngineText.of(EngineMessage.CSV_TARGET_NOT_BINARY), EngineText.of(EngineMessage.CSV_TARGET_NOT_BINARY_HINT));
        }

        private double parseNumber(ColumnSpec spec, Fields record, int field, int from, int to) {
            double number;
            try {
                number = Decimals.parse(record.chars, from, to);
            } catch (NumberFormatException e) {
                refuseUndecoded(spec, record, field);
                throw DataFormatException.atValue(file, record.line(), spec.name(), new String(record.chars, from, to - from),
                        EngineText.of(EngineMessage.CSV_NOT_A_NUMBER), EngineText.of(EngineMessage.CSV_NOT_A_NUMBER_HINT));
            }
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw DataFormatException.atValue(file, record.line(), spec.name(), new String(record.chars, from, to - from),
                        EngineText.of(EngineMessage.CSV_NOT_FINITE), EngineText.of(EngineMessage.CSV_NOT_FINITE_HINT));
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
                    if (ints.elements().length - ints.size() > ints.size() / CompactColumns.SPARE_KEPT) {
                        ints.trim();
                    }
                    built.add(new ParsedInts(name, ints));
                } else if (buffer instanceof DoubleArrayList doubles) {
                    if (doubles.elements().length - doubles.size() > doubles.size() / CompactColumns.SPARE_KEPT) {
                        doubles.trim();
                    }
                    built.add(new ParsedDoubles(name, doubles));
                } else {
                    built.add((StringColumn) buffer);
                }
            }
            return Table.create(table.fileName(), built);
        }

        CompactTable toCompact() {
            List<ColumnSpec> columns = header.columns();
            CompactTable.Builder built = CompactTable.builder(table.fileName(), Math.toIntExact(rowsSeen));
            for (int i = 0; i < columns.size(); i++) {
                ((CompactColumns.Column) buffers[i]).addTo(built, columns.get(i).name());
                buffers[i] = null;
            }
            return built.build();
        }
    }
}
