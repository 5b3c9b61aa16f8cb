package com.pretadepenser.creditdesk.engine.monitoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PopulationStabilityTest {
    @Test
    void theSameDistributionHasNoDrift() {
        double[] values = new double[1_000];
        Arrays.setAll(values, i -> i % 100);
        assertEquals(0, PopulationStability.ofNumbers(values, values.clone()), 1e-12);
    }

    @Test
    void aHandComputedIndexOnLevels() {
        // reference 50 % A, 50 % B; current 80 % A, 20 % B:
        // (0.8 - 0.5) ln(0.8 / 0.5) + (0.2 - 0.5) ln(0.2 / 0.5) = 0.3 x 0.4700 + 0.3 x 0.9163 = 0.4159
        String[] reference = {"A", "B", "A", "B", "A", "B", "A", "B", "A", "B"};
        String[] current = {"A", "A", "A", "A", "A", "A", "A", "A", "B", "B"};
        assertEquals(0.3 * Math.log(1.6) + 0.3 * Math.log(2.5), PopulationStability.ofLevels(reference, current), 1e-12);
        assertEquals(Stability.SIGNIFICANT, Stability.of(PopulationStability.ofLevels(reference, current)));
    }

    @Test
    void numbersAreBinnedOnTheReferencesDecilesWithMissingAsABin() {
        double[] reference = new double[100];
        Arrays.setAll(reference, i -> i + 1); // 1..100: inner deciles 10.9, 20.8, ..., 90.1
        double[] edges = PopulationStability.decileEdges(reference);
        assertEquals(9, edges.length);
        assertEquals(10.9, edges[0], 1e-9);
        double[] shares = PopulationStability.binShares(new double[] {1, 10.9, 11, 95, Double.NaN}, edges);
        assertArrayEquals(new double[] {0.4, 0.2, 0, 0, 0, 0, 0, 0, 0, 0.2, 0.2}, shares, 1e-12);
        // ties merge deciles: a flag's values fall in two bins
        double[] flag = {0, 0, 0, 1, 1, 0, 0, 1, 0, 0};
        assertEquals(2, Arrays.stream(PopulationStability.binShares(flag, PopulationStability.decileEdges(flag))).filter(v -> v > 0).count());
    }

    @Test
    void anEmptyBinCountsAsTheFloorSoTheIndexStaysFinite() {
        double[] reference = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] current = {Double.NaN, Double.NaN};
        double psi = PopulationStability.ofNumbers(reference, current);
        // every reference bin holds 10 % and is empty now; the missing bin goes from 0 to 100 %
        double expected = 10 * (PopulationStability.FLOOR - 0.1) * Math.log(PopulationStability.FLOOR / 0.1)
                + (1 - PopulationStability.FLOOR) * Math.log(1 / PopulationStability.FLOOR);
        assertEquals(expected, psi, 1e-9);
    }

    @Test
    void theConventionalReading() {
        assertEquals(Stability.STABLE, Stability.of(0.099));
        assertEquals(Stability.MODERATE, Stability.of(0.1));
        assertEquals(Stability.MODERATE, Stability.of(0.25));
        assertEquals(Stability.SIGNIFICANT, Stability.of(0.2501));
        assertEquals(Stability.SIGNIFICANT, Stability.MODERATE.worse(Stability.SIGNIFICANT));
    }
}
