package com.pretadepenser.creditdesk.engine.data;

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
}
