package com.pretadepenser.creditdesk.engine.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator against the genuine sample: the fidelity targets of docs/synthetic-data.md, column
 * by column. Skipped, with the reason shown, where ../shared/realdata is absent.
 */
class FidelityTest {
    @TempDir
    static Path dir;

    private static FidelityReport report;
    private static String absent;

    @BeforeAll
    static void compare() {
        if (!Files.isDirectory(RealData.folder())) {
            absent = "genuine sample absent at " + RealData.folder() + ": fidelity not measured";
            return;
        }
        HomeCreditData real = HomeCreditFolder.scan(RealData.folder()).read();
        new SyntheticGenerator().generate(SyntheticGenerator.Settings.kaggleSplit(10_000, 2024), dir.resolve("syn"), false);
        HomeCreditData synthetic = HomeCreditFolder.scan(dir.resolve("syn")).read();
        report = FidelityReport.compare(real, synthetic);
    }

    @BeforeEach
    void requireSample() {
        RealData.assumeAvailable(absent);
    }

    @Test
    void everyColumnMissingRateWithinFivePoints() {
        assertEquals(120, report.columns().size());
        report.columns().forEach(c -> assertTrue(Math.abs(c.realMissing() - c.syntheticMissing()) <= FidelityReport.MAX_MISSING_GAP,
                "%s: real %.3f, synthetic %.3f".formatted(c.column(), c.realMissing(), c.syntheticMissing())));
    }

    @Test
    void everyNumericColumnWithinKsTarget() {
        long numeric = report.columns().stream().filter(c -> !Double.isNaN(c.ks())).count();
        assertTrue(numeric > 100, "numeric columns compared: " + numeric);
        report.columns().stream().filter(c -> !Double.isNaN(c.ks()))
                .forEach(c -> assertTrue(c.ks() <= FidelityReport.MAX_KS, "%s: KS %.3f".formatted(c.column(), c.ks())));
    }

    @Test
    void everyTextColumnsCategorySharesWithinTarget() {
        long text = report.columns().stream().filter(c -> !Double.isNaN(c.categoryDistance())).count();
        assertEquals(16, text, "text columns compared");
        report.columns().stream().filter(c -> !Double.isNaN(c.categoryDistance()))
                .forEach(c -> assertTrue(c.categoryDistance() <= FidelityReport.MAX_CATEGORY_DISTANCE,
                        "%s: category distance %.3f".formatted(c.column(), c.categoryDistance())));
    }

    @Test
    void categoryDistanceIsHalfTheSummedShareDifferences() {
        // Real shares A 1/2, B 1/4, C 1/4; synthetic A 1/4, B 1/4, D 1/2 (missing values ignored): (1/4 + 0 + 1/4 + 1/2) / 2.
        String[] real = {"A", "A", "B", "C", null};
        String[] synthetic = {"A", "B", "D", "D", ""};
        assertEquals(0.5, FidelityReport.categoryDistance(real, synthetic), 1e-12);
        assertEquals(0.0, FidelityReport.categoryDistance(real, new String[] {"C", "A", "B", "A"}), 1e-12);
    }

    @Test
    void topTenFeaturesMoveTheDefaultRateTheSameWay() {
        assertEquals(FidelityReport.TOP_FEATURES, report.directions().size());
        report.directions().forEach(d -> assertTrue(d.passes(), "%s: real %.3f -> %.3f, synthetic %.3f -> %.3f"
                .formatted(d.column(), d.realLow(), d.realHigh(), d.syntheticLow(), d.syntheticHigh())));
        assertTrue(report.directions().stream().anyMatch(d -> d.column().equals("EXT_SOURCE_3")));
    }
}
