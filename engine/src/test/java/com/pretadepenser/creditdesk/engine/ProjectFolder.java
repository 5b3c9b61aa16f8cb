package com.pretadepenser.creditdesk.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the checkout the tests read as they are shipped ({@code models/default}, {@code data/demo}). */
public final class ProjectFolder {
    private ProjectFolder() {
    }

    /** {@code relative} resolved against the working folder or the first of its parents that holds it. */
    public static Path of(String relative) {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(relative))) {
                return folder.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
