package com.pretadepenser.creditdesk.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import org.junit.jupiter.api.Test;

class BusinessCostTest {
    private final BusinessCost tenToOne = new BusinessCost(10, 1);

    @Test
    void costCountsMissedDefaultsTenTimesRefusedRepayers() {
        double[] p = {0.9, 0.2, 0.05, 0.6};
        int[] y = {1, 1, 0, 0};
        // threshold 0.5: defaulter at 0.2 granted (10), repayer at 0.6 refused (1)
        assertEquals(11 / 4.0, tenToOne.costPerClient(p, y, 0.5), 1e-12);
        // threshold 0.1: both defaulters refused, the repayer at 0.6 refused (1)
        assertEquals(1 / 4.0, tenToOne.costPerClient(p, y, 0.1), 1e-12);
    }

    @Test
    void chosenThresholdIsTheCheapestOfTheGridAndMatchesTheDirectCost() {
        double[] p = {0.02, 0.04, 0.08, 0.15, 0.3, 0.12, 0.5, 0.07, 0.2, 0.01};
        int[] y = {0, 0, 1, 0, 1, 1, 1, 0, 0, 0};

        BusinessCost.Choice choice = tenToOne.choose(p, y);

        for (int t = 1; t <= 999; t++) {
            assertTrue(choice.costPerClient() <= tenToOne.costPerClient(p, y, t / 1000.0) + 1e-12, "threshold " + t / 1000.0);
        }
        assertEquals(tenToOne.costPerClient(p, y, choice.threshold()), choice.costPerClient(), 1e-12);
        // Refusing from 0.08 up misses no defaulter and refuses two repayers (0.15, 0.2): cost 0.2.
        assertEquals(0.2, choice.costPerClient(), 1e-12);
        assertEquals(199, choice.curve().size());
    }

    @Test
    void equalCostsPutTheThresholdHigherThanTenToOne() {
        double[] p = new double[200];
        int[] y = new int[200];
        for (int i = 0; i < 200; i++) {
            p[i] = i / 200.0;
            y[i] = i % 10 < i / 20 ? 1 : 0;
        }
        assertTrue(new BusinessCost(1, 1).choose(p, y).threshold() > tenToOne.choose(p, y).threshold());
    }

    @Test
    void refusesNonPositiveCosts() {
        assertThrows(IllegalArgumentException.class, () -> new BusinessCost(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BusinessCost(10, -1));
    }
}
