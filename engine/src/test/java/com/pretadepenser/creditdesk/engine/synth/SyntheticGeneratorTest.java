package com.pretadepenser.creditdesk.engine.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.RecordingMonitor;
import com.pretadepenser.creditdesk.engine.data.DatasetImporter;
import com.pretadepenser.creditdesk.engine.data.FileHashes;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SyntheticGeneratorTest {
    private static final int CLIENTS = 12_000;

    @TempDir
    static Path shared;

    private static Path folder;
    private static SyntheticGenerator.Summary summary;
    private static HomeCreditData data;

    @BeforeAll
    static void generateOnce() {
        folder = shared.resolve("synthetic");
        summary = new SyntheticGenerator().generate(SyntheticGenerator.Settings.kaggleSplit(CLIENTS, 42), folder, false);
        data = HomeCreditFolder.scan(folder).read();
    }

    @Test
    void writesAllSevenKaggleFilesWithEveryColumnReadableByTheStrictReader() {
        for (HomeCreditTable table : HomeCreditTable.values()) {
            assertTrue(Files.isRegularFile(folder.resolve(table.fileName())), table.fileName());
            assertEquals(HomeCreditSchema.get().columns(table).size(), data.table(table).orElseThrow().columnCount(), table.fileName());
            assertEquals(summary.rows().get(table), (long) data.rowCount(table), table.fileName());
        }
        assertEquals(CLIENTS, data.rowCount(HomeCreditTable.APPLICATION_TRAIN));
        assertEquals(Math.round(CLIENTS * SyntheticGenerator.TEST_SHARE_OF_TRAIN), data.rowCount(HomeCreditTable.APPLICATION_TEST));
        assertTrue(data.notes().stream().allMatch(n -> n.startsWith("true_default_probability.csv")), data.notes().toString());
    }

    @Test
    void everyChildRowPointsAtAGeneratedParent() {
        data.orphans().forEach((table, count) -> assertEquals(0L, count, table.fileName()));
    }

    @Test
    void childRowsPerClientFollowKaggleRatios() {
        double clients = data.clientCount();
        // Kaggle full data: rows per applicant (train + test = 356,255).
        Map<HomeCreditTable, Double> kaggle = Map.of(
                HomeCreditTable.BUREAU, 1_716_428 / 356_255.0,
                HomeCreditTable.BUREAU_BALANCE, 27_299_925 / 356_255.0,
                HomeCreditTable.PREVIOUS_APPLICATION, 1_670_214 / 356_255.0,
                HomeCreditTable.POS_CASH_BALANCE, 10_001_358 / 356_255.0,
                HomeCreditTable.INSTALLMENTS_PAYMENTS, 13_605_401 / 356_255.0,
                HomeCreditTable.CREDIT_CARD_BALANCE, 3_840_312 / 356_255.0);
        kaggle.forEach((table, expected) -> {
            double ratio = data.rowCount(table) / clients;
            assertTrue(Math.abs(ratio / expected - 1) < 0.2, "%s: %.2f rows per client, Kaggle %.2f".formatted(table, ratio, expected));
        });
    }

    @Test
    void goodsPriceNeverExceedsTheCreditAndAnnuityFitsCreditAndTerm() {
        Table app = train();
        DoubleColumn credit = app.doubleColumn("AMT_CREDIT");
        DoubleColumn goods = app.doubleColumn("AMT_GOODS_PRICE");
        DoubleColumn annuity = app.doubleColumn("AMT_ANNUITY");
        for (int i = 0; i < app.rowCount(); i++) {
            if (!Double.isNaN(goods.getDouble(i))) {
                assertTrue(goods.getDouble(i) <= credit.getDouble(i), "row " + i);
            }
            if (!Double.isNaN(annuity.getDouble(i))) {
                double years = credit.getDouble(i) / annuity.getDouble(i) / 12;
                assertTrue(years > 0.3 && years < 40, "row %d: %.1f years of repayment".formatted(i, years));
            }
        }
    }

    @Test
    void familyHasAtLeastTheApplicantAndTheChildren() {
        Table app = train();
        for (int i = 0; i < app.rowCount(); i++) {
            assertTrue(app.doubleColumn("CNT_FAM_MEMBERS").getDouble(i) >= app.doubleColumn("CNT_CHILDREN").getDouble(i) + 1);
        }
    }

    @Test
    void pensionersAndOnlyThemCarryTheEmploymentSentinel() {
        Table app = train();
        StringColumn income = app.stringColumn("NAME_INCOME_TYPE");
        DoubleColumn employed = app.doubleColumn("DAYS_EMPLOYED");
        int pensioners = 0;
        for (int i = 0; i < app.rowCount(); i++) {
            boolean notWorking = income.get(i).equals("Pensioner") || income.get(i).equals("Unemployed");
            assertEquals(notWorking, employed.getDouble(i) == 365243, "row " + i);
            pensioners += notWorking ? 1 : 0;
            if (!notWorking) {
                assertTrue(-employed.getDouble(i) <= -app.doubleColumn("DAYS_BIRTH").getDouble(i) - 18 * 365, "employed before 18, row " + i);
            }
        }
        assertTrue(pensioners > 0.12 * app.rowCount() && pensioners < 0.25 * app.rowCount(), "pensioners: " + pensioners);
    }

    @Test
    void buildingStatisticsAreMissingTogether() {
        Table app = train();
        for (int i = 0; i < app.rowCount(); i++) {
            boolean avg = Double.isNaN(app.doubleColumn("APARTMENTS_AVG").getDouble(i));
            assertEquals(avg, Double.isNaN(app.doubleColumn("APARTMENTS_MODE").getDouble(i)));
            assertEquals(avg, Double.isNaN(app.doubleColumn("APARTMENTS_MEDI").getDouble(i)));
            // Nested missingness: the most often missing block is missing wherever a less often missing one is.
            if (Double.isNaN(app.doubleColumn("YEARS_BEGINEXPLUATATION_AVG").getDouble(i))) {
                assertTrue(Double.isNaN(app.doubleColumn("COMMONAREA_AVG").getDouble(i)), "row " + i);
            }
        }
    }

    @Test
    void bureauBalanceMonthsStayWithinTheCreditsDates() {
        Table bureau = data.table(HomeCreditTable.BUREAU).orElseThrow();
        Int2DoubleOpenHashMap opened = new Int2DoubleOpenHashMap();
        for (int i = 0; i < bureau.rowCount(); i++) {
            opened.put(bureau.intColumn("SK_ID_BUREAU").getInt(i), bureau.doubleColumn("DAYS_CREDIT").getDouble(i));
        }
        Table balance = data.table(HomeCreditTable.BUREAU_BALANCE).orElseThrow();
        for (int i = 0; i < balance.rowCount(); i++) {
            double month = balance.doubleColumn("MONTHS_BALANCE").getDouble(i);
            double start = opened.get(balance.intColumn("SK_ID_BUREAU").getInt(i));
            assertTrue(month <= 0 && month >= Math.floor(start / 30.4375) && month >= -96, "row " + i);
        }
    }

    @Test
    void defaultRateAndBayesOptimalAucMatchTheDocumentedRiskModel() throws IOException {
        List<Double> probabilities = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> truth = CsvReader.builder().ofNamedCsvRecord(folder.resolve(LocalDataset.TRUTH))) {
            for (NamedCsvRecord r : truth) {
                if (r.getField("SET").equals("train")) {
                    probabilities.add(Double.parseDouble(r.getField("TRUE_PD")));
                    labels.add(Integer.parseInt(r.getField("TARGET")));
                }
            }
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        double auc = Statistics.auc(probabilities.stream().mapToDouble(Double::doubleValue).toArray(), y);
        double rate = labels.stream().mapToInt(Integer::intValue).average().orElseThrow();

        assertEquals(CLIENTS, y.length);
        assertEquals(0.081, rate, 0.01);
        assertEquals(0.80, auc, 0.025);
        int[] fileTarget = train().intColumn("TARGET").asIntArray();
        assertArrayEquals(y, fileTarget, "the truth file's labels are those of application_train.csv");
    }

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path dir) {
        SyntheticGenerator generator = new SyntheticGenerator();
        generator.generate(SyntheticGenerator.Settings.kaggleSplit(500, 7), dir.resolve("a"), false);
        generator.generate(SyntheticGenerator.Settings.kaggleSplit(500, 7), dir.resolve("b"), false);
        generator.generate(SyntheticGenerator.Settings.kaggleSplit(500, 8), dir.resolve("c"), false);

        for (HomeCreditTable table : HomeCreditTable.values()) {
            assertEquals(FileHashes.sha256(dir.resolve("a").resolve(table.fileName())),
                    FileHashes.sha256(dir.resolve("b").resolve(table.fileName())), table.fileName());
        }
        assertFalse(FileHashes.sha256(dir.resolve("a").resolve("application_train.csv"))
                .equals(FileHashes.sha256(dir.resolve("c").resolve("application_train.csv"))));
    }

    @Test
    void cancellingLeavesNoFolderBehind(@TempDir Path dir) throws IOException {
        RecordingMonitor monitor = RecordingMonitor.cancellingAtPoll(4);
        SyntheticGenerator.Settings settings = SyntheticGenerator.Settings.kaggleSplit(5_000, 1);
        assertThrows(CancellationException.class, () -> new SyntheticGenerator().generate(settings, dir.resolve("out"), false, monitor));
        // Polled every 256 clients: three polls passed, the fourth stopped it.
        assertEquals(new RecordingMonitor.Report(512, settings.trainClients() + settings.testClients(), ""), monitor.last());

        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void markerMakesTheImportedDatasetSynthetic(@TempDir Path dir) {
        LocalDataset dataset = new DatasetImporter().importFolder(folder, dir.resolve("dataset"), false);

        assertTrue(dataset.isSynthetic());
        assertEquals(42, ((Number) dataset.manifest().generator().get("seed")).intValue());
        assertTrue(dataset.truthFile().isPresent());
    }

    private static Table train() {
        return data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
    }
}
