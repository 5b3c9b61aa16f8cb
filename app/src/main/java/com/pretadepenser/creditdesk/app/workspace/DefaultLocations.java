package com.pretadepenser.creditdesk.app.workspace;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shipped demo dataset ({@code data/demo}) and model ({@code models/default}) are: found
 * from the application's jar upwards, then from the working folder upwards, so the app starts with
 * no setup from a checkout or an installed copy. The jar first: an installed app opens the demo and
 * model installed with it, even when started from a folder that holds another copy (a checkout,
 * whose demo tables are gzipped and slower to open, or an older version's).
 */
public final class DefaultLocations {
    public static final String DEMO_DATA = "data/demo";
    public static final String DEFAULT_MODEL = "models/default";
    /** The dashboard's jar, as the build names it and the installers ship it. */
    static final String APP_JAR = "creditdesk-app.jar";

    private DefaultLocations() {
    }

    public static Optional<Path> demoData() {
        return find(DEMO_DATA, com.pretadepenser.creditdesk.engine.data.LocalDataset.MANIFEST);
    }

    public static Optional<Path> defaultModel() {
        return find(DEFAULT_MODEL, com.pretadepenser.creditdesk.engine.model.ModelArtifact.CARD_FILE);
    }

    static Optional<Path> find(String relative, String marker) {
        return find(relative, marker, jarFolder(), Path.of("").toAbsolutePath());
    }

    /** The first of {@code starts} (null ones skipped) from which {@code relative} is found upwards. */
    static Optional<Path> find(String relative, String marker, Path... starts) {
        for (Path start : starts) {
            Optional<Path> found = start == null ? Optional.empty() : findFrom(start, relative, marker);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The folder of the app's jar as the JVM was started with it ({@code java.class.path}), else of
     * the jar or classes folder this class was loaded from; null if neither can be told. The class
     * path first: with an AOT cache, a class's code source names the folder the cache was recorded
     * in (the build machine's image), not the install it runs from.
     */
    static Path jarFolder() {
        return jarFolder(System.getProperty("java.class.path", ""));
    }

    static Path jarFolder(String classPath) {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            try {
                Path jar = Path.of(entry).toAbsolutePath();
                if (jar.getFileName() != null && APP_JAR.equals(jar.getFileName().toString())) {
                    return jar.getParent();
                }
            } catch (RuntimeException e) {
                // not a path on this system: the next entry
            }
        }
        try {
            return Path.of(DefaultLocations.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
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
