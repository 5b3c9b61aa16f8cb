package com.pretadepenser.creditdesk.engine.lightgbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.RecordingMonitor;
import com.pretadepenser.creditdesk.engine.trees.TreeEnsemble;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmDataset;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LightGbmDatasetTest {
    private static final Map<String, String> PARAMS = Map.of("learning_rate", "0.1", "num_leaves", "15",
            "min_data_in_leaf", "20", "seed", "1", "deterministic", "true", "num_threads", "1");
    private static final List<String> NAMES = List.of("x0", "x1", "x2");
    private static final int ROWS = 3000;

    /** Float32 columns x0 (strong), x1 (weak, 10 % missing), x2 (a 3-level category). */
    private final float[][] columns = new float[3][ROWS];
    private final float[] labels = new float[ROWS];

    LightGbmDatasetTest() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int r = 0; r < ROWS; r++) {
            float x0 = (float) rng.nextGaussian();
            float x1 = (float) rng.nextGaussian();
            int x2 = rng.nextInt(3);
            columns[0][r] = x0;
            columns[1][r] = rng.nextDouble() < 0.1 ? Float.NaN : x1;
            columns[2][r] = x2;
            double logit = -1 + 2 * x0 + 0.5 * x1 + (x2 == 2 ? 1 : 0);
            labels[r] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
    }

    private LightGbmDataset all() {
        return LightGbmDataset.fromColumns(List.of(columns), ROWS, NAMES, new int[] {2}, labels, PARAMS);
    }

    private double[] rowMajor(int[] rows) {
        double[] values = new double[rows.length * 3];
        for (int r = 0; r < rows.length; r++) {
            for (int f = 0; f < 3; f++) {
                values[3 * r + f] = columns[f][rows[r]];
            }
        }
        return values;
    }

    @Test
    void binnedFromColumnsItTrainsTheModelTheRowMajorPathTrains() {
        int[] every = IntStream.range(0, ROWS).toArray();
        LightGbmBooster.Matrix matrix = new LightGbmBooster.Matrix(rowMajor(every), ROWS, NAMES, new int[] {2});
        try (LightGbmDataset dataset = all();
             LightGbmBooster fromColumns = LightGbmBooster.train(dataset, null, PARAMS, new int[] {2}, 40, 40, ProgressMonitor.NONE);
             LightGbmBooster fromRows = LightGbmBooster.train(matrix, labels, null, null, PARAMS, 40, 40, ProgressMonitor.NONE)) {
            assertArrayEquals(fromRows.rawScores(matrix.values(), ROWS, 1), fromColumns.rawScores(matrix.values(), ROWS, 1), 0.0,
                    "the same values binned from float32 columns or row-major doubles: the same trees");
        }
    }

    @Test
    void aSubsetKeepsItsRowsLabelsAndBinsAndValidatesAFit() {
        int[] trainRows = IntStream.range(0, ROWS).filter(i -> i % 4 != 0).toArray();
        int[] validRows = IntStream.range(0, ROWS).filter(i -> i % 4 == 0).toArray();
        try (LightGbmDataset dataset = all();
             LightGbmDataset train = dataset.subset(trainRows);
             LightGbmDataset valid = dataset.subset(validRows)) {
            assertEquals(trainRows.length, train.rows());
            assertEquals(NAMES, valid.names());
            float[] expected = new float[validRows.length];
            for (int i = 0; i < validRows.length; i++) {
                expected[i] = labels[validRows[i]];
            }
            assertArrayEquals(expected, assertDoesNotThrow(() -> valid.handle().getFieldFloat("label")), "the subset's labels are its rows'");
            RecordingMonitor monitor = new RecordingMonitor();
            try (LightGbmBooster model = LightGbmBooster.train(train, valid, PARAMS, new int[] {2}, 300, 20, monitor)) {
                // The last round is always reported, with its validation AUC in the message.
                long[] rounds = {monitor.last().done()};
                String message = monitor.last().message();
                double[] lastAuc = {Double.parseDouble(message.substring(message.indexOf("AUC ") + 4).replace(',', '.'))};
                assertTrue(model.bestIteration() > 0 && model.bestIteration() < rounds[0], "early stopping on the subset kept round "
                        + model.bestIteration() + " of " + rounds[0]);
                double[] raw = model.rawScores(rowMajor(validRows), validRows.length, 1);
                int[] y = IntStream.range(0, validRows.length).map(i -> (int) expected[i]).toArray();
                assertTrue(Statistics.auc(raw, y) > 0.8, "AUC on the held-out subset " + Statistics.auc(raw, y));
                assertTrue(lastAuc[0] > 0.8, "LightGBM's own validation AUC on the subset " + lastAuc[0]);
            }
            // The parent stays usable after its subsets were taken: the final model trains on it.
            try (LightGbmBooster onAll = LightGbmBooster.train(dataset, null, PARAMS, new int[] {2}, 5, 5, ProgressMonitor.NONE)) {
                assertEquals(5, TreeEnsemble.parse(onAll.modelText()).treeCount());
            }
        }
    }

    @Test
    void subsetRowsMustBeAscendingAndInRangeAndAClosedDatasetIsRefused() {
        LightGbmDataset dataset = all();
        IllegalArgumentException unsorted = assertThrows(IllegalArgumentException.class, () -> dataset.subset(new int[] {3, 2}));
        assertTrue(unsorted.getMessage().contains("ascending"), unsorted.getMessage());
        assertThrows(IllegalArgumentException.class, () -> dataset.subset(new int[] {ROWS}));
        dataset.close();
        assertDoesNotThrow(dataset::close, "closing twice is harmless");
        assertThrows(IllegalStateException.class, () -> dataset.subset(new int[] {0}));
    }

    @Test
    void columnsAndLabelsMustMatchTheirCounts() {
        assertThrows(IllegalArgumentException.class,
                () -> LightGbmDataset.fromColumns(List.of(columns[0]), ROWS, NAMES, new int[0], labels, PARAMS));
        assertThrows(IllegalArgumentException.class,
                () -> LightGbmDataset.fromColumns(List.of(columns), ROWS, NAMES, new int[0], new float[10], PARAMS));
    }
}
