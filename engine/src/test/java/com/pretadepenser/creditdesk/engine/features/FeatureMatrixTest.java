package com.pretadepenser.creditdesk.engine.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureMatrixTest {
    private static FeatureMatrix matrix(List<String> names, double... firstRow) {
        double[][] columns = new double[names.size()][];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = new double[] {firstRow[f]};
        }
        return new FeatureMatrix(new int[] {100002}, names, columns);
    }

    @Test
    void matricesOfDifferentFeaturesMadeInTurnEachFindTheirOwnColumns() {
        FeatureMatrix first = matrix(List.of("A", "B"), 1, 2);
        FeatureMatrix second = matrix(List.of("B", "A", "C"), 20, 10, 30);
        FeatureMatrix third = matrix(List.of("A", "B"), 3, 4);

        assertEquals(1, first.value(0, "A"));
        assertEquals(2, first.value(0, "B"));
        assertFalse(first.has("C"));
        assertEquals(10, second.value(0, "A"));
        assertEquals(30, second.value(0, "C"));
        assertEquals(4, third.value(0, "B"));
        assertArrayEquals(new double[] {3, 4}, third.rowMajor(List.of("A", "B")));
    }

    @Test
    void refusesADuplicatedFeatureName() {
        assertThrows(IllegalArgumentException.class, () -> matrix(List.of("A", "A"), 1, 2));
    }
}
