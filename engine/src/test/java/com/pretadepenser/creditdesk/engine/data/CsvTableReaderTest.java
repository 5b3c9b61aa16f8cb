package com.pretadepenser.creditdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CsvTableReaderTest {
    @TempDir
    Path dir;

    private final CsvTableReader reader = new CsvTableReader();

    @Test
    void acceptsBomCrlfQuotedCommasAndBothMissingMarkers() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.APPLICATION_TRAIN).bom().crlf()
                .row(Map.of("SK_ID_CURR", "100002", "TARGET", "1", "WALLSMATERIAL_MODE", "\"Stone, brick\"",
                        "AMT_CREDIT", "406597.5", "EXT_SOURCE_1", "", "EXT_SOURCE_2", "NA"))
                .writeTo(dir);

        Table frame = reader.read(HomeCreditTable.APPLICATION_TRAIN, file).frame();

        assertEquals(1, frame.rowCount());
        assertEquals(100002, frame.intColumn("SK_ID_CURR").getInt(0));
        assertEquals(1, frame.intColumn("TARGET").getInt(0));
        assertEquals("Stone, brick", frame.stringColumn("WALLSMATERIAL_MODE").get(0));
        assertEquals(406597.5, frame.doubleColumn("AMT_CREDIT").getDouble(0));
        assertTrue(Double.isNaN(frame.doubleColumn("EXT_SOURCE_1").getDouble(0)));
        assertTrue(Double.isNaN(frame.doubleColumn("EXT_SOURCE_2").getDouble(0)));
    }

    @Test
    void dropsLeadingUnnamedIndexColumnAndSaysSo() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.BUREAU_BALANCE)
                .header(h -> { h.add(0, ""); return h; })
                .row(Map.of("", "0", "SK_ID_BUREAU", "5001709", "MONTHS_BALANCE", "-3", "STATUS", "C"))
                .writeTo(dir);

        LoadedTable loaded = reader.read(HomeCreditTable.BUREAU_BALANCE, file);

        assertEquals(List.of("SK_ID_BUREAU", "MONTHS_BALANCE", "STATUS"), loaded.frame().columnNames());
        assertEquals("C", loaded.frame().stringColumn("STATUS").get(0));
        assertEquals(List.of("ignored the leading unnamed index column"), loaded.notes());
    }

    @Test
    void reportsColumnsOutsideTheLayoutInsteadOfDroppingThemSilently() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.BUREAU_BALANCE)
                .header(h -> { h.add("COMMENT"); return h; })
                .row(Map.of("SK_ID_BUREAU", "5001709", "COMMENT", "hello"))
                .writeTo(dir);

        List<String> notes = reader.read(HomeCreditTable.BUREAU_BALANCE, file).notes();

        assertEquals(List.of("column COMMENT is not part of the Home Credit layout and was not kept"), notes);
    }

    @Test
    void refusesMissingRequiredColumnNamingFileAndColumn() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.BUREAU)
                .header(h -> { h.remove("AMT_CREDIT_SUM_DEBT"); return h; })
                .row(Map.of("SK_ID_BUREAU", "7"))
                .writeTo(dir);

        DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(HomeCreditTable.BUREAU, file));

        assertTrue(e.getMessage().contains("bureau.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("missing required column AMT_CREDIT_SUM_DEBT"), e.getMessage());
    }

    @Test
    void refusesTextInNumericColumnNamingLineColumnAndValue() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.APPLICATION_TRAIN)
                .row(Map.of("SK_ID_CURR", "100002"))
                .row(Map.of("SK_ID_CURR", "100003", "AMT_INCOME_TOTAL", "12 000.50"))
                .writeTo(dir);

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> reader.read(HomeCreditTable.APPLICATION_TRAIN, file));

        assertEquals(file, e.file());
        assertEquals(3, e.line());
        assertEquals("AMT_INCOME_TOTAL", e.column());
        assertEquals("12 000.50", e.value());
        assertTrue(e.getMessage().startsWith(file + ", line 3, column AMT_INCOME_TOTAL: value \"12 000.50\" is not a number"),
                e.getMessage());
    }

    @Test
    void refusesDuplicatedClientIdNamingBothLines() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.APPLICATION_TRAIN)
                .row(Map.of("SK_ID_CURR", "100002"))
                .row(Map.of("SK_ID_CURR", "100003"))
                .row(Map.of("SK_ID_CURR", "100002"))
                .writeTo(dir);

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> reader.read(HomeCreditTable.APPLICATION_TRAIN, file));

        assertEquals(4, e.line());
        assertEquals("SK_ID_CURR", e.column());
        assertEquals("100002", e.value());
        assertTrue(e.getMessage().startsWith(file + ", line 4, column SK_ID_CURR: value \"100002\" is a duplicate"), e.getMessage());
        assertTrue(e.getMessage().contains("first seen on line 2"), e.getMessage());
    }

    @Test
    void refusesTruncatedLastLine() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.BUREAU_BALANCE)
                .row(Map.of("SK_ID_BUREAU", "5001709"))
                .trailer("5001710,-4")
                .writeTo(dir);

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> reader.read(HomeCreditTable.BUREAU_BALANCE, file));

        assertEquals(3, e.line());
        assertEquals("MONTHS_BALANCE", e.column(), "the last column the line reaches");
        assertEquals("-4", e.value(), "the value the line stops on");
        assertTrue(e.getMessage().startsWith(file + ", line 3, column MONTHS_BALANCE: value \"-4\" ends the last line, "
                + "which is truncated: 2 of 3 fields, no line end, column STATUS onward missing"), e.getMessage());
    }

    @Test
    void refusesLineWithWrongFieldCountInTheMiddle() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.BUREAU_BALANCE)
                .row(Map.of("SK_ID_BUREAU", "5001709"))
                .trailer("5001710,-4\n5001711,-5,C\n")
                .writeTo(dir);

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> reader.read(HomeCreditTable.BUREAU_BALANCE, file));

        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("has 2 fields but the header has 3"), e.getMessage());
    }

    @Test
    void refusesLabelColumnUnderAnotherNameSuggestingTheRename() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.APPLICATION_TRAIN)
                .header(h -> { h.set(h.indexOf("TARGET"), "DEFAULTED"); return h; })
                .row(Map.of("SK_ID_CURR", "100002", "DEFAULTED", "1"))
                .writeTo(dir);

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> reader.read(HomeCreditTable.APPLICATION_TRAIN, file));

        assertTrue(e.getMessage().contains("column 2 is named \"DEFAULTED\""), e.getMessage());
        assertTrue(e.getMessage().contains("rename it to TARGET"), e.getMessage());
    }

    @Test
    void refusesTargetOtherThanZeroOrOne() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.APPLICATION_TRAIN)
                .row(Map.of("SK_ID_CURR", "100002", "TARGET", "yes"))
                .writeTo(dir);

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> reader.read(HomeCreditTable.APPLICATION_TRAIN, file));

        assertEquals("yes", e.value());
        assertEquals("TARGET", e.column());
    }

    @Test
    void readsTestApplicationsWithoutTargetColumn() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.APPLICATION_TEST).row(Map.of("SK_ID_CURR", "100001")).writeTo(dir);

        Table frame = reader.read(HomeCreditTable.APPLICATION_TEST, file).frame();

        assertEquals(121, frame.columnCount());
        assertTrue(!frame.columnNames().contains("TARGET"));
    }

    @Test
    void neverModifiesTheSourceFile() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.BUREAU_BALANCE).bom().crlf()
                .row(Map.of("SK_ID_BUREAU", "5001709")).writeTo(dir);
        byte[] before = Files.readAllBytes(file);

        reader.read(HomeCreditTable.BUREAU_BALANCE, file);

        assertEquals(new String(before, java.nio.charset.StandardCharsets.ISO_8859_1),
                new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void countsChildRowsWhoseClientIsAbsentWithoutFailing() throws IOException {
        new CsvFixture(HomeCreditTable.APPLICATION_TRAIN).row(Map.of("SK_ID_CURR", "100002")).writeTo(dir);
        new CsvFixture(HomeCreditTable.BUREAU)
                .row(Map.of("SK_ID_CURR", "100002", "SK_ID_BUREAU", "1"))
                .row(Map.of("SK_ID_CURR", "999999", "SK_ID_BUREAU", "2"))
                .row(Map.of("SK_ID_CURR", "999998", "SK_ID_BUREAU", "3"))
                .writeTo(dir);
        new CsvFixture(HomeCreditTable.BUREAU_BALANCE)
                .row(Map.of("SK_ID_BUREAU", "1")).row(Map.of("SK_ID_BUREAU", "42")).writeTo(dir);

        HomeCreditData data = HomeCreditFolder.scan(dir).read();

        assertEquals(3, data.rowCount(HomeCreditTable.BUREAU), "orphan rows are kept");
        assertEquals(2L, data.orphans().get(HomeCreditTable.BUREAU));
        assertEquals(1L, data.orphans().get(HomeCreditTable.BUREAU_BALANCE));
        assertTrue(data.notes().contains("bureau.csv: 2 rows with a SK_ID_CURR absent from the application files, kept but "
                + "joined to no client; the first is line 3 (SK_ID_CURR 999999)"), data.notes().toString());
        assertTrue(data.notes().contains("bureau_balance.csv: 1 row with a SK_ID_BUREAU absent from bureau.csv, kept but "
                + "joined to no client; the first is line 3 (SK_ID_BUREAU 42)"), data.notes().toString());
    }

    @Test
    void refusesApplicantPresentInBothTrainAndTest() throws IOException {
        new CsvFixture(HomeCreditTable.APPLICATION_TRAIN).row(Map.of("SK_ID_CURR", "100002")).writeTo(dir);
        new CsvFixture(HomeCreditTable.APPLICATION_TEST)
                .row(Map.of("SK_ID_CURR", "100005")).row(Map.of("SK_ID_CURR", "100002")).writeTo(dir);

        DataFormatException e = assertThrows(DataFormatException.class, () -> HomeCreditFolder.scan(dir).read());

        assertTrue(e.getMessage().contains("application_test.csv, line 3, column SK_ID_CURR: value \"100002\""),
                e.getMessage());
    }

    @Test
    void readsTheColumnDictionaryAsCp1252WithItsIndexColumn() throws IOException {
        // Kaggle's file: cp1252 bytes (0x85 is the ellipsis, 0xE9 an e acute), an unnamed index column, quoted commas.
        String text = ",Table,Row,Description,Special\r\n"
                + "1,application_{train|test}.csv,SK_ID_CURR,ID of loan in our sample,\r\n"
                + "15,application_{train|test}.csv,NAME_INCOME_TYPE,\"Clients income type (businessman, working,\u2026)\",\r\n"
                + "16,bureau.csv,CREDIT_TYPE,Type de cr\u00e9dit,\r\n";
        Path file = dir.resolve("HomeCredit_columns_description.csv");
        Files.write(file, text.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertEquals((byte) 0x85, Files.readAllBytes(file)[text.indexOf('\u2026')], "the fixture holds the cp1252 byte");

        ColumnDictionary dictionary = ColumnDictionary.read(file);

        assertEquals(3, dictionary.size());
        assertEquals("Clients income type (businessman, working,\u2026)",
                dictionary.description("application_{train|test}.csv", "NAME_INCOME_TYPE").orElseThrow());
        assertEquals("Type de cr\u00e9dit", dictionary.description("bureau.csv", "CREDIT_TYPE").orElseThrow());
    }
    @Test
    void theCompactReadRefusesWhatTheTablesawReadRefusesWithTheSameMessage() throws IOException {
        List<Path> broken = List.of(
                new CsvFixture(HomeCreditTable.BUREAU_BALANCE).row(Map.of("SK_ID_BUREAU", "5001709"))
                        .trailer("5001710,-4").writeTo(folder("truncated")),
                new CsvFixture(HomeCreditTable.BUREAU_BALANCE).row(Map.of("SK_ID_BUREAU", "5001709"))
                        .trailer("5001710,-4\n").writeTo(folder("short-last-line")),
                new CsvFixture(HomeCreditTable.BUREAU_BALANCE).row(Map.of("SK_ID_BUREAU", "5001709"))
                        .trailer("5001710,-4,C,X\n").writeTo(folder("long-line")),
                new CsvFixture(HomeCreditTable.BUREAU_BALANCE).row(Map.of("SK_ID_BUREAU", "5001709", "MONTHS_BALANCE", "-4 months"))
                        .writeTo(folder("not-a-number")),
                new CsvFixture(HomeCreditTable.BUREAU_BALANCE).row(Map.of("SK_ID_BUREAU", "5001709", "STATUS", "C\uFFFD"))
                        .writeTo(folder("not-utf8")),
                new CsvFixture(HomeCreditTable.BUREAU_BALANCE).row(Map.of("SK_ID_BUREAU", "5001709.5"))
                        .writeTo(folder("id-not-whole")),
                new CsvFixture(HomeCreditTable.BUREAU).row(Map.of("SK_ID_BUREAU", "7")).row(Map.of("SK_ID_BUREAU", "7"))
                        .writeTo(folder("duplicate")));
        for (Path file : broken) {
            HomeCreditTable table = file.getFileName().toString().startsWith("bureau_balance")
                    ? HomeCreditTable.BUREAU_BALANCE : HomeCreditTable.BUREAU;
            DataFormatException tablesaw = assertThrows(DataFormatException.class, () -> reader.read(table, file), file.toString());
            DataFormatException compact = assertThrows(DataFormatException.class,
                    () -> reader.readCompact(table, file, com.pretadepenser.creditdesk.engine.ProgressMonitor.NONE), file.toString());
            assertEquals(tablesaw.getMessage(), compact.getMessage(), file.toString());
        }
    }

    @Test
    void aShortLineThatEndsTheFileWithALineEndIsAFieldCountErrorNotATruncation() throws IOException {
        Path file = new CsvFixture(HomeCreditTable.BUREAU_BALANCE)
                .row(Map.of("SK_ID_BUREAU", "5001709"))
                .trailer("5001710,-4\n\n")
                .writeTo(dir);

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> reader.read(HomeCreditTable.BUREAU_BALANCE, file));

        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("has 2 fields but the header has 3"), e.getMessage());
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }
}
