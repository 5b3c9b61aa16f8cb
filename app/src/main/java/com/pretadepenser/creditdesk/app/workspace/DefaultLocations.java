package com.pretadepenser.creditdesk.app.workspace;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shipped demo dataset ({@code data/demo}) and model ({@code models/default}) are: found
 * from the working folder upwards, then from the application's jar upwards, so the app starts with
 * no setup from a checkout or an installed copy.
 */
public final class DefaultLocations {
    public static final String DEMO_DATA = "data/demo";
    public static final String DEFAULT_MODEL = "models/default";

    private DefaultLocations() {
    }

    public static Optional<Path> demoData() {
        return find(DEMO_DATA, com.pretadepenser.creditdesk.engine.data.LocalDataset.MANIFEST);
    }

    public static Optional<Path> defaultModel() {
        return find(DEFAULT_MODEL, com.pretadepenser.creditdesk.engine.model.ModelArtifact.CARD_FILE);
    }

    static Optional<Path> find(String relative, String marker) {
        Optional<Path> fromWorkingFolder = findFrom(Path.of("").toAbsolutePath(), relative, marker);
        if (fromWorkingFolder.isPresent()) {
            return fromWorkingFolder;
        }
        try {
            Path jar = Path.of(DefaultLocations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return findFrom(jar.getParent(), relative, marker);
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> findFrom(Path start, String relative, String marker) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate.resolve(marker))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }
}
