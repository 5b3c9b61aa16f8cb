package com.pretadepenser.creditdesk.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import java.util.List;
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
        // CDFs of positives {0.3, 0.9} and negatives {0.2, 0.6} differ most (by 1/2) at 0.2 and at 0.6.
        assertEquals(0.5, m.ks(), 1e-12);
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

    @Test
    void rocCurveOnAHandComputedExampleGoesFromOriginToOneOne() {
        Metrics m = Metrics.of(new double[] {0.9, 0.6, 0.3, 0.2}, new int[] {1, 0, 1, 0}, 0.5, 1);

        assertEquals(List.of(new Metrics.RocPoint(1.0, 0, 0), new Metrics.RocPoint(0.9, 0, 0.5), new Metrics.RocPoint(0.6, 0.5, 0.5),
                new Metrics.RocPoint(0.3, 0.5, 1), new Metrics.RocPoint(0.2, 1, 1)), m.rocCurve());
    }

    @Test
    void sampledRocCurveEnclosesTheAuc() {
        var random = new java.util.Random(7);
        int n = 10_000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.1 ? 1 : 0;
            p[i] = 1 / (1 + Math.exp(-(random.nextGaussian() + 1.2 * y[i] - 2)));
        }
        Metrics m = Metrics.of(p, y, 0.5, 2);

        List<Metrics.RocPoint> roc = m.rocCurve();
        assertTrue(roc.size() >= 95 && roc.size() <= 102, "about 100 points, got " + roc.size());
        double area = 0;
        for (int i = 1; i < roc.size(); i++) {
            assertTrue(roc.get(i).fpr() >= roc.get(i - 1).fpr() && roc.get(i).tpr() >= roc.get(i - 1).tpr(), "monotone at " + i);
            area += (roc.get(i).fpr() - roc.get(i - 1).fpr()) * (roc.get(i).tpr() + roc.get(i - 1).tpr()) / 2;
        }
        assertEquals(new Metrics.RocPoint(roc.get(roc.size() - 1).threshold(), 1, 1), roc.get(roc.size() - 1));
        assertEquals(m.rocAuc(), area, 0.002);
    }
}
