package com.pretadepenser.creditdesk.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The quirks of the genuine Home Credit rows, each pinned: the 365243 day sentinels, XNA levels,
 * categories the training table never had, and ratios over zero (which pandas makes infinite).
 */
class GenuineQuirksTest {
    private static final double SENTINEL = 365243;
    private static String absent;
    private static HomeCreditData data;
    private static FeatureSchema schema;
    private static Table applications;
    private static FeatureMatrix features;

    @BeforeAll
    static void computeFeatures() {
        Path realdata = RealData.folder();
        if (!Files.isRegularFile(realdata.resolve("application_train.csv"))) {
            absent = "genuine sample absent at " + realdata + ": its quirks are not checked";
            return;
        }
        data = HomeCreditFolder.scan(realdata).read();
        schema = FeatureSchema.fit(data);
        applications = data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        features = new FeaturePipeline(schema).compute(applications, new ClientHistory(data));
    }

    @BeforeEach
    void needsTheSample() {
        RealData.assumeAvailable(absent);
    }

    /**
     * The lean path: an imported dataset's child tables are read in their stored widths (mapped
     * in place, or inflated compact from gzip) and never widened, and give every feature of every
     * applicant bit for bit as the CSVs read into Tablesaw do.
     */
    @Test
    void anImportedDatasetGivesTheSameFeaturesAsItsCsvsMappedOrCompressed(@org.junit.jupiter.api.io.TempDir Path dir) {
        for (boolean compress : new boolean[] {false, true}) {
            Path to = dir.resolve(compress ? "gzip" : "plain");
            HomeCreditData imported = new com.pretadepenser.creditdesk.engine.data.DatasetImporter(compress)
                    .importFolder(RealData.folder(), to, false).load();
            assertTrue(imported.has(HomeCreditTable.BUREAU_BALANCE) && imported.has(HomeCreditTable.CREDIT_CARD_BALANCE));
            assertEquals(schema, FeatureSchema.fit(imported), "the same levels, read from the codes");

            FeatureMatrix lean = new FeaturePipeline(schema).compute(imported.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow(),
                    new ClientHistory(imported));

            assertEquals(features.names(), lean.names());
            assertTrue(java.util.Arrays.equals(features.clientIds(), lean.clientIds()));
            for (String name : features.names()) {
                double[] expected = features.column(name);
                double[] actual = lean.column(name);
                for (int row = 0; row < expected.length; row++) {
                    if (Double.doubleToLongBits(expected[row]) != Double.doubleToLongBits(actual[row])) {
                        throw new AssertionError(name + " of client " + features.clientId(row) + (compress ? " (gzip)" : " (mapped)")
                                + ": " + actual[row] + ", the CSV path gives " + expected[row]);
                    }
                }
            }
        }
    }

    @Test
    void noFeatureIsInfiniteThoughGenuineRowsDivideByZero() {
        Table previous = data.table(HomeCreditTable.PREVIOUS_APPLICATION).orElseThrow();
        long zeroCredit = previous.numberColumn("AMT_CREDIT").asDoubleArray().length
                - java.util.Arrays.stream(previous.numberColumn("AMT_CREDIT").asDoubleArray()).filter(v -> v != 0).count();
        assertTrue(zeroCredit > 100, "previous applications with no credit (APP_CREDIT_PERC divides by zero): " + zeroCredit);
        for (String name : features.names()) {
            for (double v : features.column(name)) {
                assertFalse(Double.isInfinite(v), name + " is infinite");
            }
        }
    }

    @Test
    void daysEmployedSentinelIsMissingAndSoIsItsShareOfLife() {
        double[] raw = applications.numberColumn("DAYS_EMPLOYED").asDoubleArray();
        int sentinels = 0;
        for (int row = 0; row < raw.length; row++) {
            if (raw[row] == SENTINEL) {
                sentinels++;
                assertTrue(Double.isNaN(features.value(row, "DAYS_EMPLOYED")), "row " + row);
                assertTrue(Double.isNaN(features.value(row, "DAYS_EMPLOYED_PERC")), "row " + row);
            } else {
                assertEquals(raw[row], features.value(row, "DAYS_EMPLOYED"), 0, "row " + row);
            }
        }
        assertTrue(sentinels > 1_000, "pensioners and the unemployed in the sample: " + sentinels);
    }

    @Test
    void noDaySentinelReachesAnyFeature() {
        Table previous = data.table(HomeCreditTable.PREVIOUS_APPLICATION).orElseThrow();
        for (String day : List.of("DAYS_FIRST_DRAWING", "DAYS_FIRST_DUE", "DAYS_LAST_DUE_1ST_VERSION", "DAYS_LAST_DUE", "DAYS_TERMINATION")) {
            long sentinels = java.util.Arrays.stream(previous.numberColumn(day).asDoubleArray()).filter(v -> v == SENTINEL).count();
            assertTrue(sentinels > 0, day + " has the sentinel in the genuine rows");
        }
        for (String name : features.names()) {
            boolean days = name.contains("DAYS") && !name.endsWith("_VAR") && !name.endsWith("_SUM");
            for (double v : features.column(name)) {
                assertTrue(v != SENTINEL, name + " holds the sentinel");
                // A day count, its min, max or mean: never a value pulled towards the sentinel.
                assertTrue(!days || Double.isNaN(v) || Math.abs(v) < 100_000, name + " = " + v);
            }
        }
    }

    @Test
    void xnaIsACategoryOfItsOwnNotAMissingValue() {
        List<String> levels = schema.levels(HomeCreditTable.APPLICATION_TRAIN, "ORGANIZATION_TYPE");
        int xna = levels.indexOf("XNA");
        assertTrue(xna >= 0, "XNA is a level of ORGANIZATION_TYPE: " + levels);
        int seen = 0;
        for (int row = 0; row < applications.rowCount(); row++) {
            if ("XNA".equals(applications.stringColumn("ORGANIZATION_TYPE").get(row))) {
                seen++;
                assertEquals(xna, features.value(row, "ORGANIZATION_TYPE"), 0, "row " + row);
            }
        }
        assertTrue(seen > 1_000, "applicants with no employer (XNA): " + seen);
        assertTrue(features.names().stream().anyMatch(n -> n.startsWith("PREV_") && n.contains("_XNA_")),
                "XNA levels of previous applications have their shares");
    }

    @Test
    void aCategoryTheTrainingTableNeverHadIsMissingNotAnError() {
        Table one = applications.rows(0);
        one.stringColumn("NAME_INCOME_TYPE").set(0, "Unheard of");
        FeatureMatrix unseen = new FeaturePipeline(schema).compute(one, new ClientHistory(data));
        assertTrue(Double.isNaN(unseen.value(0, "NAME_INCOME_TYPE")));
        assertEquals(features.value(0, "AMT_CREDIT"), unseen.value(0, "AMT_CREDIT"), 0, "the rest of the row is read as before");
    }
}
