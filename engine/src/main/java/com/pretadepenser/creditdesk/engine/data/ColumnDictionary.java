package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.EngineText;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kaggle's {@code HomeCredit_columns_description.csv}: the data set's own description of each
 * column. The file is cp1252 (not UTF-8) and starts with an unnamed index column; both are handled.
 * Our schema carries descriptions of its own; this lets a user see Kaggle's when they have it.
 */
public final class ColumnDictionary {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private final Map<String, String> descriptions;

    private ColumnDictionary(Map<String, String> descriptions) {
        this.descriptions = descriptions;
    }

    public static ColumnDictionary read(Path file) {
        Map<String, String> descriptions = new HashMap<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofCsvRecord(file, CP1252)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw DataFormatException.inFile(file, EngineText.of(EngineMessage.FILE_EMPTY));
            }
            List<String> header = records.next().getFields();
            int table = header.indexOf("Table");
            int row = header.indexOf("Row");
            int description = header.indexOf("Description");
            if (table < 0 || row < 0 || description < 0) {
                throw DataFormatException.inFile(file, EngineText.of(EngineMessage.DICTIONARY_COLUMNS, header));
            }
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (record.getFieldCount() <= Math.max(table, Math.max(row, description))) {
                    throw DataFormatException.atLine(file, record.getStartingLineNumber(),
                            EngineText.of(EngineMessage.CSV_FIELD_COUNT, record.getFieldCount(), header.size()));
                }
                descriptions.put(key(record.getField(table), record.getField(row)), record.getField(description));
            }
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_READ, file, e.getMessage());
        }
        return new ColumnDictionary(descriptions);
    }

    /** {@code table} as Kaggle writes it, e.g. {@code application_{train|test}.csv} or {@code bureau.csv}. */
    public Optional<String> description(String table, String column) {
        return Optional.ofNullable(descriptions.get(key(table, column)));
    }

    public int size() {
        return descriptions.size();
    }

    private static String key(String table, String column) {
        return table.strip() + "\u0000" + column.strip();
    }
}
