package com.pretadepenser.creditdesk.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.synth.SyntheticGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class FeaturePipelineTest {
    @TempDir
    static Path dir;

    private static HomeCreditData data;
    private static FeaturePipeline pipeline;
    private static ClientHistory history;
    private static FeatureMatrix batch;

    @BeforeAll
    static void computeBatch() {
        new SyntheticGenerator().generate(SyntheticGenerator.Settings.kaggleSplit(1_500, 5), dir.resolve("syn"), false);
        data = HomeCreditFolder.scan(dir.resolve("syn")).read();
        pipeline = new FeaturePipeline(FeatureSchema.fit(data));
        history = new ClientHistory(data);
        batch = pipeline.compute(train(), history);
    }

    private static Table train() {
        return data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
    }

    @Test
    void aClientComputedAloneHasExactlyItsBatchFeatures() {
        for (int row : new int[] {0, 1, 17, 733, 1_499}) {
            FeatureMatrix alone = pipeline.compute(train().rows(row), history);

            assertEquals(batch.names(), alone.names());
            for (String feature : batch.names()) {
                double expected = batch.value(row, feature);
                double actual = alone.value(0, feature);
                assertTrue(Double.compare(expected, actual) == 0, "%s of row %d: batch %s, alone %s".formatted(feature, row, expected, actual));
            }
        }
    }

    @Test
    void aRowViewOfTheDatasetGivesTheSameFeaturesAsTheBatch() {
        var stored = com.pretadepenser.creditdesk.engine.data.CompactTable.of(train());
        for (int row : new int[] {2, 444, 1_498}) {
            FeatureMatrix view = pipeline.compute(ApplicationRows.of(stored, row, row + 1), history);
            assertEquals(batch.clientId(row), view.clientId(0));
            for (String feature : batch.names()) {
                assertEquals(0, Double.compare(batch.value(row, feature), view.value(0, feature)), feature + " of row " + row);
            }
        }
    }

    @Test
    void anEditedApplicationChangesItsRatiosThroughTheSamePath() {
        Table one = train().rows(3);
        double income = one.doubleColumn("AMT_INCOME_TOTAL").getDouble(0);
        one.doubleColumn("AMT_CREDIT").set(0, 2 * income);

        FeatureMatrix edited = pipeline.compute(one, history);

        assertEquals(0.5, edited.value(0, "INCOME_CREDIT_PERC"), 1e-12);
        assertEquals(batch.value(3, "BURO_DAYS_CREDIT_MEAN"), edited.value(0, "BURO_DAYS_CREDIT_MEAN"), 0.0);
    }

    @Test
    void aNewApplicantWithoutHistoryGetsMissingHistoryFeatures() {
        FeatureMatrix alone = pipeline.compute(train().rows(5), ClientHistory.empty());

        assertTrue(Double.isNaN(alone.value(0, "PAYMENT_RATE")) == Double.isNaN(batch.value(5, "PAYMENT_RATE")));
        assertTrue(!alone.has("BURO_DAYS_CREDIT_MEAN"), "no bureau table, no bureau features");
    }

    @Test
    void pensionerSentinelBecomesMissing() {
        double[] employed = train().doubleColumn("DAYS_EMPLOYED").asDoubleArray();
        for (int row = 0; row < employed.length; row++) {
            if (employed[row] == 365243) {
                assertTrue(Double.isNaN(batch.value(row, "DAYS_EMPLOYED")));
                assertTrue(Double.isNaN(batch.value(row, "DAYS_EMPLOYED_PERC")));
                return;
            }
        }
        throw new AssertionError("no pensioner among 1,500 synthetic clients");
    }

    @Test
    void categoriesAreCodesIntoTheLearnedLevels() {
        var levels = pipeline.schema().levels(HomeCreditTable.APPLICATION_TRAIN, "NAME_CONTRACT_TYPE");
        for (int row = 0; row < 50; row++) {
            String level = train().stringColumn("NAME_CONTRACT_TYPE").get(row);
            assertEquals(levels.indexOf(level), (int) batch.value(row, "NAME_CONTRACT_TYPE"));
        }
    }

    @Test
    void aggregatesFollowPandasSemantics() {
        double[] values = {7, 1, Double.NaN, 3};
        assertEquals(2, Aggregation.MEAN.over(values, 1, 4));
        assertEquals(4, Aggregation.SUM.over(values, 1, 4));
        assertEquals(2, Aggregation.VAR.over(values, 1, 4), 1e-12);
        assertEquals(3, Aggregation.SIZE.over(values, 1, 4));
        assertEquals(2, Aggregation.NUNIQUE.over(values, 1, 4));
        assertEquals(0, Aggregation.SUM.over(new double[] {Double.NaN}, 0, 1));
        assertTrue(Double.isNaN(Aggregation.VAR.over(values, 1, 2)));
        assertTrue(Double.isNaN(Aggregation.MIN.over(new double[] {Double.NaN}, 0, 1)));
    }

    @Test
    void historySummaryCountsTheClientsRowsOfEachTable() {
        Table bureau = data.table(HomeCreditTable.BUREAU).orElseThrow();
        Table previous = data.table(HomeCreditTable.PREVIOUS_APPLICATION).orElseThrow();
        Table instalments = data.table(HomeCreditTable.INSTALLMENTS_PAYMENTS).orElseThrow();
        int checked = 0;
        for (int row = 0; row < 200; row++) {
            int id = batch.clientId(row);
            HistorySummary summary = history.summary(id);
            Table mine = bureau.where(bureau.intColumn("SK_ID_CURR").isEqualTo(id));
            Table asked = previous.where(previous.intColumn("SK_ID_CURR").isEqualTo(id));
            Table paid = instalments.where(instalments.intColumn("SK_ID_CURR").isEqualTo(id));
            long late = java.util.stream.IntStream.range(0, paid.rowCount())
                    .filter(i -> paid.numberColumn("DAYS_ENTRY_PAYMENT").getDouble(i) > paid.numberColumn("DAYS_INSTALMENT").getDouble(i)).count();

            assertEquals(mine.rowCount(), summary.bureauCredits());
            assertEquals(mine.stringColumn("CREDIT_ACTIVE").isEqualTo("Active").size(), summary.bureauActive());
            assertEquals(asked.rowCount(), summary.previousApplications());
            assertEquals(asked.stringColumn("NAME_CONTRACT_STATUS").isEqualTo("Refused").size(), summary.previousRefused());
            assertEquals(paid.rowCount(), summary.instalments());
            assertEquals(late, summary.instalmentsLate());
            checked += summary.bureauCredits() > 0 && summary.previousApplications() > 0 && summary.instalmentsLate() > 0 ? 1 : 0;
        }
        assertTrue(checked > 10, "enough clients with every kind of history: " + checked);
        assertEquals(HistorySummary.NONE, ClientHistory.empty().summary(batch.clientId(0)));
    }
}
