package com.pretadepenser.creditdesk.engine.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColumnProfileTest {
    @Test
    void quantileProfileInterpolatesBetweenPercentiles() {
        double[] quantiles = new double[101];
        for (int i = 0; i <= 100; i++) {
            quantiles[i] = 10 * i;
        }
        ColumnProfile p = new ColumnProfile("X", 0, false, quantiles, null, null, null, null, 0, null, 0);

        assertEquals(0, p.number(0));
        assertEquals(500, p.number(0.5), 1e-9);
        assertEquals(1000, p.number(1));
        assertEquals(125, p.number(0.125), 1e-9);
    }

    @Test
    void discreteProfileReturnsOnlyObservedValues() {
        ColumnProfile p = new ColumnProfile("CNT", 0, true, null, new double[] {0, 1, 2}, null,
                new double[] {0.7, 0.2, 0.1}, null, 0, null, 0);

        assertEquals(0, p.number(0.69));
        assertEquals(1, p.number(0.71));
        assertEquals(2, p.number(0.95));
    }

    @Test
    void refusesWeightsThatDoNotSumToOne() {
        assertThrows(IllegalArgumentException.class, () -> new ColumnProfile("C", 0, false, null, null,
                new String[] {"a", "b"}, new double[] {0.5, 0.6}, null, 0, null, 0));
    }
}
