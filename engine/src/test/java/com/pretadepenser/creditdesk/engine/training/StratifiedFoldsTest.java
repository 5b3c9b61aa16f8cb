package com.pretadepenser.creditdesk.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {
    /** 1,000 applicants, 80 defaulters (8 %), spread in a run at the end as a sorted file would have them. */
    private static int[] target() {
        int[] target = new int[1000];
        Arrays.fill(target, 920, 1000, 1);
        return target;
    }

    @Test
    void everyFoldGetsTheSameShareOfDefaulters() {
        int[] fold = StratifiedFolds.assign(target(), 5, 42);

        int[] rows = new int[5];
        int[] defaults = new int[5];
        for (int i = 0; i < fold.length; i++) {
            rows[fold[i]]++;
            defaults[fold[i]] += target()[i];
        }
        assertArrayEquals(new int[] {200, 200, 200, 200, 200}, rows);
        assertArrayEquals(new int[] {16, 16, 16, 16, 16}, defaults);
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        int[] first = StratifiedFolds.assign(target(), 5, 42);

        assertArrayEquals(first, StratifiedFolds.assign(target(), 5, 42));
        assertFalse(Arrays.equals(first, StratifiedFolds.assign(target(), 5, 43)));
        assertEquals(4, Arrays.stream(first).max().orElseThrow());
    }
}
