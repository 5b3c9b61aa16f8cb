package com.pretadepenser.creditdesk.engine.data;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** Where the genuine Home Credit sample lives: {@code ../shared/realdata} beside the project root. */
public final class RealData {
    private RealData() {
    }

    public static Path folder() {
        String override = System.getProperty("creditdesk.realdata");
        if (override != null) {
            return Path.of(override);
        }
        Path here = Path.of("").toAbsolutePath();
        // Tests run from the module folder (engine/); the shared folder sits beside the project root.
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("realdata");
            if (candidate.toFile().isDirectory()) {
                return candidate;
            }
        }
        return here.getParent() == null ? here : here.getParent().getParent().resolve("shared").resolve("realdata");
    }

    /**
     * Skips the calling test with {@code reason} (a test class's {@code @BeforeEach} calls it, so
     * every test is reported skipped, with the reason, in the test report), or fails it when
     * {@code -Dcreditdesk.requireRealData=true} or the environment variable
     * {@code CREDITDESK_REQUIRE_REAL_DATA=1} (set by .ci/run when the sample is there) says the
     * genuine checks must run here.
     */
    public static void assumeAvailable(String reason) {
        if (reason == null) {
            return;
        }
        if (Boolean.getBoolean("creditdesk.requireRealData") || "1".equals(System.getenv("CREDITDESK_REQUIRE_REAL_DATA"))) {
            fail(reason + " (the genuine checks are required here)");
        }
        assumeTrue(false, reason);
    }
}
