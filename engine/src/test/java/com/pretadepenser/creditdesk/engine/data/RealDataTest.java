package com.pretadepenser.creditdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the genuine Home Credit sample in {@code ../shared/realdata} loads with the row
 * counts its README states. Skipped, with the reason shown, where that folder is absent (a user's
 * clone); CI always has it.
 */
class RealDataTest {
    private static HomeCreditData data;
    private static String absent;

    @BeforeAll
    static void load() {
        Path folder = RealData.folder();
        if (!Files.isDirectory(folder)) {
            absent = "genuine sample absent at " + folder + ": real-data checks skipped";
            return;
        }
        data = HomeCreditFolder.scan(folder).read();
    }

    @BeforeEach
    void requireSample() {
        RealData.assumeAvailable(absent);
    }

    @Test
    void everyTableLoadsWithTheDocumentedRowCount() {
        Map<HomeCreditTable, Integer> expected = Map.of(
                HomeCreditTable.APPLICATION_TRAIN, 6_999,
                HomeCreditTable.APPLICATION_TEST, 4_874,
                HomeCreditTable.BUREAU, 3_435,
                HomeCreditTable.BUREAU_BALANCE, 3_622,
                HomeCreditTable.PREVIOUS_APPLICATION, 4_754,
                HomeCreditTable.POS_CASH_BALANCE, 626,
                HomeCreditTable.INSTALLMENTS_PAYMENTS, 7_347,
                HomeCreditTable.CREDIT_CARD_BALANCE, 86);
        expected.forEach((table, rows) -> assertEquals(rows, data.rowCount(table), table.fileName()));
    }

    @Test
    void targetRateMatchesTheReadme() {
        double rate = data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow().intColumn("TARGET").mean();
        assertEquals(0.077, rate, 0.001);
    }

    @Test
    void pensionerSentinelIsReadAsANumber() {
        var daysEmployed = data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow().doubleColumn("DAYS_EMPLOYED");
        long sentinels = daysEmployed.asList().stream().filter(v -> v == 365243.0).count();
        assertEquals(1_260, sentinels);
    }

    @Test
    void importedDatasetGivesBackEveryRealValue(@TempDir Path dir) {
        HomeCreditData reopened = new DatasetImporter().importFolder(RealData.folder(), dir.resolve("real"), false).load();

        for (HomeCreditTable table : data.tables().keySet()) {
            // Child rows are stored client by client, each client's in file order.
            var original = DatasetImporter.byParentKey(table, data.table(table).orElseThrow());
            var copy = reopened.table(table).orElseThrow();
            assertEquals(original.rowCount(), copy.rowCount(), table.fileName());
            for (String column : original.columnNames()) {
                // Not assertEquals on the lists: a failure would print millions of values.
                assertTrue(original.column(column).asList().equals(copy.column(column).asList()), table.fileName() + " " + column);
            }
        }
        assertEquals(data.orphans(), reopened.orphans());
    }

    @Test
    void theColumnDictionaryReadsAsCp1252WithItsIndexColumn() {
        ColumnDictionary dictionary = ColumnDictionary.read(RealData.folder().resolve("HomeCredit_columns_description.csv"));
        assertEquals(219, dictionary.size());
        assertEquals("ID of loan in our sample", dictionary.description("application_{train|test}.csv", "SK_ID_CURR").orElseThrow());
        assertEquals("Clients income type (businessman, working, maternity leave,\u2026)",
                dictionary.description("application_{train|test}.csv", "NAME_INCOME_TYPE").orElseThrow(), "the cp1252 ellipsis decoded");
    }
}
