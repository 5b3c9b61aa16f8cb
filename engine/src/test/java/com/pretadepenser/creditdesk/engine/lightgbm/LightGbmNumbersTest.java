package com.pretadepenser.creditdesk.engine.lightgbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmNumbers;
import org.junit.jupiter.api.Test;

class LightGbmNumbersTest {
    @Test
    void readsTheInfinitiesAndNanThatLightGbmWrites() {
        assertEquals(Double.POSITIVE_INFINITY, LightGbmNumbers.parse("inf"));
        assertEquals(Double.POSITIVE_INFINITY, LightGbmNumbers.parse("+inf"));
        assertEquals(Double.NEGATIVE_INFINITY, LightGbmNumbers.parse("-inf"));
        assertEquals(Double.POSITIVE_INFINITY, LightGbmNumbers.parse("Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, LightGbmNumbers.parse("-1.#INF"));
        for (String nan : new String[] {"nan", "-nan", "NaN", "nan(ind)", "-nan(ind)", "-1.#IND", "1.#QNAN"}) {
            assertTrue(Double.isNaN(LightGbmNumbers.parse(nan)), nan);
        }
    }

    @Test
    void readsExtremeExponentsExactly() {
        assertEquals(1.0000000180025095e-35, LightGbmNumbers.parse("1.0000000180025095e-35"));
        assertEquals(4.9e-324, LightGbmNumbers.parse("4.9406564584124654e-324"));
        assertEquals(1.7976931348623157e308, LightGbmNumbers.parse("1.7976931348623157e+308"));
        assertEquals(-2973.4999999999995, LightGbmNumbers.parse("-2973.4999999999995"));
        assertEquals(12, LightGbmNumbers.parse("12"));
    }

    @Test
    void readsAListWithInfinitiesAmongNumbers() {
        assertArrayEquals(new double[] {0.5, Double.POSITIVE_INFINITY, -1e-35, Double.NEGATIVE_INFINITY, 3},
                LightGbmNumbers.parseList("0.5 inf -1e-35 -inf 3"));
    }

    @Test
    void refusesWhatIsNoNumberNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LightGbmNumbers.parse("0x1p3"));
        assertTrue(e.getMessage().contains("\"0x1p3\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LightGbmNumbers.parse("1.5f"));
        assertThrows(IllegalArgumentException.class, () -> LightGbmNumbers.parse(""));
        assertThrows(IllegalArgumentException.class, () -> LightGbmNumbers.parse("1..2"));
    }
}
