package com.pretadepenser.creditdesk.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void perfectRankingHasAucOneAndFullAveragePrecision() {
        Metrics m = Metrics.of(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1}, 0.5, 2);

        assertEquals(1.0, m.rocAuc());
        assertEquals(1.0, m.prAuc());
        assertEquals(1.0, m.ks());
        assertEquals(new Metrics.Confusion(2, 0, 0, 2), m.confusion());
    }

    @Test
    void valuesOnAHandComputedExample() {
        double[] p = {0.9, 0.6, 0.3, 0.2};
        int[] y = {1, 0, 1, 0};

        Metrics m = Metrics.of(p, y, 0.5, 1);

        assertEquals(0.75, m.rocAuc(), 1e-12);
        // Ranked: 0.9 (1) precision 1, recall .5; 0.6 (0); 0.3 (1) precision 2/3, recall 1 -> AP = .5*1 + .5*2/3
        assertEquals(0.5 + 1.0 / 3, m.prAuc(), 1e-12);
        assertEquals((0.01 + 0.36 + 0.49 + 0.04) / 4, m.brier(), 1e-12);
        assertEquals(-(Math.log(0.9) + Math.log(0.4) + Math.log(0.3) + Math.log(0.8)) / 4, m.logLoss(), 1e-12);
        assertEquals(new Metrics.Confusion(1, 1, 1, 1), m.confusion());
        assertEquals(0.5, m.recall());
        assertEquals(0.5, m.precision());
        assertEquals(0.5, m.fBeta(), 1e-12);
        assertEquals(0.5, m.defaultRate());
    }

    @Test
    void calibrationHasTenBinsOfTheClientsByPrediction() {
        double[] p = new double[100];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            p[i] = i / 100.0;
            y[i] = i >= 90 ? 1 : 0;
        }
        Metrics m = Metrics.of(p, y, 0.5, 2);

        assertEquals(10, m.calibration().size());
        assertEquals(0.045, m.calibration().get(0).meanPredicted(), 1e-12);
        assertEquals(1.0, m.calibration().get(9).observedRate());
        assertEquals(0.0, m.calibration().get(8).observedRate());
    }
}
