package com.pretadepenser.creditdesk.engine.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures computed by hand on ten applicants. */
class FairnessTest {
    private static final double YEAR = 365.25;

    @Test
    void handComputedFiguresByGenderAndAge() {
        // threshold 0.5: refused at or above
        //  #  gender age  p     target  decision
        //  0  F      22   0.10  0       granted
        //  1  F      30   0.60  1       refused (defaulter caught)
        //  2  F      30   0.20  0       granted
        //  3  F      40   0.55  0       refused (repayer refused: false positive)
        //  4  F      60   0.30  1       granted (defaulter granted: false negative)
        //  5  M      23   0.70  0       refused (false positive)
        //  6  M      23   0.80  1       refused
        //  7  M      50   0.65  0       refused (false positive)
        //  8  M      50   0.40  0       granted
        //  9  XNA    -    0.10  0       granted
        double[] p = {0.10, 0.60, 0.20, 0.55, 0.30, 0.70, 0.80, 0.65, 0.40, 0.10};
        int[] y = {0, 1, 0, 0, 1, 0, 1, 0, 0, 0};
        String[] gender = {"F", "F", "F", "F", "F", "M", "M", "M", "M", null};
        double[] age = {22, 30, 30, 40, 60, 23, 23, 50, 50, Double.NaN};
        double[] daysBirth = new double[age.length];
        for (int i = 0; i < age.length; i++) {
            daysBirth[i] = -age[i] * YEAR - 10;
        }
        Fairness fairness = Fairness.of(p, y, 0.5, gender, daysBirth);

        Fairness.Attribute byGender = fairness.attributes().get(0);
        assertEquals(Fairness.GENDER, byGender.name());
        assertEquals(List.of("F", "M", "XNA"), byGender.groups().stream().map(Fairness.Group::group).toList());
        Fairness.Group women = byGender.groups().get(0);
        assertEquals(5, women.count());
        assertEquals(3 / 5.0, women.approvalRate(), 1e-12);
        assertEquals(2 / 5.0, women.defaultRate(), 1e-12);
        assertEquals(1 / 3.0, women.falsePositiveRate(), 1e-12); // #3 of repayers #0, #2, #3
        assertEquals(1 / 2.0, women.falseNegativeRate(), 1e-12); // #4 of defaulters #1, #4
        // AUC among women: defaulters 0.60, 0.30 against repayers 0.10, 0.20, 0.55: 0.60 beats 3, 0.30 beats 2 -> 5 / 6
        assertEquals(5 / 6.0, women.auc(), 1e-12);
        Fairness.Group men = byGender.groups().get(1);
        assertEquals(1 / 4.0, men.approvalRate(), 1e-12);
        assertEquals(2 / 3.0, men.falsePositiveRate(), 1e-12);
        assertEquals(0, men.falseNegativeRate(), 1e-12);
        Fairness.Group unknown = byGender.groups().get(2);
        assertEquals(1, unknown.count());
        assertTrue(Double.isNaN(unknown.falseNegativeRate()), "no defaulter: no false-negative rate");
        assertTrue(Double.isNaN(unknown.auc()), "one class: no AUC");
        // the most approved group is XNA (1 of 1): women 0.6, men 0.25
        assertEquals(1, unknown.disparateImpact(), 1e-12);
        assertEquals(0.6, women.disparateImpact(), 1e-12);
        assertEquals(0.25, men.disparateImpact(), 1e-12);
        assertFalse(women.meetsFourFifths());

        Fairness.Attribute byAge = fairness.attributes().get(1);
        assertEquals(List.of("< 25", "25-34", "35-44", "45-54", "55+", "unknown"),
                byAge.groups().stream().map(Fairness.Group::group).toList());
        Fairness.Group young = byAge.groups().get(0); // #0 granted, #5 refused, #6 refused
        assertEquals(3, young.count());
        assertEquals(1 / 3.0, young.approvalRate(), 1e-12);
        Fairness.Group thirties = byAge.groups().get(1); // #1 refused, #2 granted
        assertEquals(0.5, thirties.approvalRate(), 1e-12);
        Fairness.Group fifties = byAge.groups().get(3); // #7 refused, #8 granted
        assertEquals(0.5, fifties.approvalRate(), 1e-12);
        // most approved: 55+ (#4) and unknown (#9), both 1
        assertEquals(1 / 3.0, young.disparateImpact(), 1e-12);
        assertTrue(byAge.groups().get(4).meetsFourFifths());
    }

    @Test
    void ageBandsFollowDaysBirth() {
        assertEquals("< 25", Fairness.ageBand(-24.99 * YEAR));
        assertEquals("25-34", Fairness.ageBand(-25 * YEAR));
        assertEquals("45-54", Fairness.ageBand(-54.9 * YEAR));
        assertEquals("55+", Fairness.ageBand(-70 * YEAR));
        assertEquals("unknown", Fairness.ageBand(Double.NaN));
    }

    @Test
    void columnsOfDifferentLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fairness.of(new double[2], new int[2], 0.5, new String[1], new double[2]));
        assertTrue(e.getMessage().contains("2, 2, 1, 2"), e.getMessage());
    }
}
