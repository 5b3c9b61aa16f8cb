package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed schema of every column of the seven Home Credit tables, in the order of the Kaggle
 * files. Loaded once from {@code columns.tsv} beside this class.
 */
public final class HomeCreditSchema {
    /**
     * What Home Credit writes in a day-count column for "no such date": 365243 days (1,000 years).
     * DAYS_EMPLOYED of pensioners and people not employed, the DAYS_FIRST_DRAWING... of previous
     * applications never drawn. Named here only; every reader of it refers to this one.
     */
    public static final double DAYS_SENTINEL = 365243;
    private static final String RESOURCE = "columns.tsv";
    private static final HomeCreditSchema INSTANCE = load();

    private final Map<HomeCreditTable, Map<String, ColumnSpec>> byTable;

    private HomeCreditSchema(Map<HomeCreditTable, Map<String, ColumnSpec>> byTable) {
        this.byTable = byTable;
    }

    public static HomeCreditSchema get() {
        return INSTANCE;
    }

    /** The columns of a table, in file order. */
    public List<ColumnSpec> columns(HomeCreditTable table) {
        return List.copyOf(byTable.get(table).values());
    }

    public Optional<ColumnSpec> column(HomeCreditTable table, String name) {
        return Optional.ofNullable(byTable.get(table).get(name));
    }

    /** The column, or an IllegalArgumentException naming the table and column. */
    public ColumnSpec require(HomeCreditTable table, String name) {
        return column(table, name).orElseThrow(() -> new IllegalArgumentException(
                "no column " + name + " in table " + table.fileName()));
    }

    private static HomeCreditSchema load() {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        try (InputStream in = HomeCreditSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CreditDeskException(EngineMessage.SCHEMA_MISSING, RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    throw new CreditDeskException(EngineMessage.SCHEMA_MALFORMED_LINE, RESOURCE, line);
                }
                rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            }
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.SCHEMA_UNREADABLE, RESOURCE);
        }
        Map<HomeCreditTable, Map<String, ColumnSpec>> byTable = new EnumMap<>(HomeCreditTable.class);
        for (HomeCreditTable table : HomeCreditTable.values()) {
            List<String[]> tableRows = rows.get(table.schemaName());
            if (tableRows == null) {
                throw new CreditDeskException(EngineMessage.SCHEMA_NO_TABLE, table.schemaName());
            }
            Map<String, ColumnSpec> columns = new LinkedHashMap<>();
            for (String[] f : tableRows) {
                ColumnKind kind = ColumnKind.valueOf(f[2]);
                if (table == HomeCreditTable.APPLICATION_TEST && kind == ColumnKind.TARGET) {
                    continue;
                }
                columns.put(f[1], new ColumnSpec(table, f[1], kind, Storage.valueOf(f[3]), f[4], f[5], f[6]));
            }
            byTable.put(table, Collections.unmodifiableMap(columns));
        }
        return new HomeCreditSchema(byTable);
    }
}
