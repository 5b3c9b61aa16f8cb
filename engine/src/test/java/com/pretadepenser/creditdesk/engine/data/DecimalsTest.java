package com.pretadepenser.creditdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    private static void same(String text) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(Decimals.parse(text)), text);
    }

    @Test
    void theShapesOfTheKaggleFilesGiveDoubleParseDoublesBits() {
        for (String text : List.of("0", "-0", "+0", "0.0", "-0.0", "1", "-1188", "365243", "406597.5", "0.0188", "0.018801",
                "1293502.5", "10.0", "1.", ".5", "-.5", "0.005", "000123", "0.30000000000000004", "9007199254740993",
                "123456789012345", "1234567890123456", "0.1234567890123456789012", "1.00000000000000000000001",
                "4.9E-324", "1e5", "1.5e-3", "-2.5E+10", "Infinity", "NaN", "0x1p3", "100002", "-0.000001")) {
            same(text);
        }
    }

    @Test
    void randomDecimalsOfUpToFifteenDigitsGiveTheSameBits() {
        SplittableRandom rng = new SplittableRandom(10);
        for (int i = 0; i < 200_000; i++) {
            long whole = rng.nextLong(1, 1_000_000_000_000_000L) / (long) Math.pow(10, rng.nextInt(16));
            int scale = rng.nextInt(0, 23);
            String text = new BigDecimal(java.math.BigInteger.valueOf(rng.nextBoolean() ? whole : -whole), scale).toPlainString();
            same(text);
        }
    }

    @Test
    void whatIsNotANumberFailsAsParseDoubleFails() {
        for (String text : List.of("", "-", ".", "+.", "1.2.3", "12a", "1,5", "--1", "e5")) {
            assertThrows(NumberFormatException.class, () -> Decimals.parse(text), text);
        }
    }
}
