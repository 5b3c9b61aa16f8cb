package com.pretadepenser.creditdesk.engine.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    private static FeatureMatrix built(FeatureMatrix.Layout known, List<String> names, double... firstRow) {
        FeatureMatrix.Builder builder = new FeatureMatrix.Builder(1);
        for (int f = 0; f < names.size(); f++) {
            builder.add(names.get(f), new double[] {firstRow[f]});
        }
        return builder.build(new int[] {100002}, known);
    }

    @Test
    void aMatrixReusesAKnownLayoutOnlyForTheSameFeatures() {
        FeatureMatrix first = built(null, List.of("A", "B"), 1, 2);
        FeatureMatrix same = built(first.layout(), List.of("A", "B"), 3, 4);
        FeatureMatrix other = built(first.layout(), List.of("B", "A", "C"), 20, 10, 30);

        assertSame(first.layout().index(), same.layout().index(), "the same features share their index");
        assertEquals(4, same.value(0, "B"));
        assertEquals(10, other.value(0, "A"), "other features get their own index");
        assertEquals(30, other.value(0, "C"));
        assertFalse(first.has("C"));
        assertArrayEquals(new double[] {3, 4}, same.rowMajor(List.of("A", "B")));
    }

    @Test
    void refusesADuplicatedFeatureName() {
        assertThrows(IllegalArgumentException.class, () -> matrix(List.of("A", "A"), 1, 2));
    }
}
