package com.pretadepenser.creditdesk.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes small hand-made CSV files in the Home Credit layout: every schema column, a plausible
 * default value for each, and the few cells a test cares about set by name.
 */
final class CsvFixture {
    private final HomeCreditTable table;
    private final List<String> header = new ArrayList<>();
    private final List<Map<String, String>> rows = new ArrayList<>();
    private String lineEnd = "\n";
    private boolean bom;
    private String trailer = "";

    CsvFixture(HomeCreditTable table) {
        this.table = table;
        HomeCreditSchema.get().columns(table).forEach(c -> header.add(c.name()));
    }

    CsvFixture header(UnaryOperator<List<String>> edit) {
        List<String> edited = edit.apply(new ArrayList<>(header));
        header.clear();
        header.addAll(edited);
        return this;
    }

    CsvFixture row(Map<String, String> cells) {
        rows.add(new LinkedHashMap<>(cells));
        return this;
    }

    CsvFixture crlf() {
        lineEnd = "\r\n";
        return this;
    }

    CsvFixture bom() {
        bom = true;
        return this;
    }

    /** Raw text appended after the last row, e.g. a truncated line. */
    CsvFixture trailer(String text) {
        trailer = text;
        return this;
    }

    Path writeTo(Path folder) throws IOException {
        StringBuilder out = new StringBuilder(bom ? "\uFEFF" : "");
        out.append(String.join(",", header)).append(lineEnd);
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                cells.add(row.containsKey(column) ? row.get(column) : defaultValue(column));
            }
            out.append(String.join(",", cells)).append(lineEnd);
        }
        out.append(trailer);
        Path file = folder.resolve(table.fileName());
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private String defaultValue(String column) {
        return HomeCreditSchema.get().column(table, column)
                .map(spec -> switch (spec.kind()) {
                    case ID -> "1";
                    case TARGET -> "0";
                    case FLAG -> spec.isNumber() ? "0" : "N";
                    case CATEGORICAL -> "A";
                    case NUMERIC -> "1.5";
                })
                .orElse("x");
    }
}
