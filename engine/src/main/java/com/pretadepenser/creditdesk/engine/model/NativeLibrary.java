package com.pretadepenser.creditdesk.engine.model;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads LightGBM's native library once per process, from a private folder.
 *
 * <p>lightgbm4j extracts its libraries to {@code java.io.tmpdir} under fixed names; a second
 * process starting meanwhile (the dashboard and a command-line run, two test JVMs) overwrites the
 * file the first one has mapped, and the first dies with SIGBUS. Pointing the extraction at a
 * folder of our own, just for the load, removes that race. Every entry point of this package
 * calls {@link #ensureLoaded()} before it touches a lightgbm4j class.
 */
final class NativeLibrary {
    private static boolean loaded;

    private NativeLibrary() {
    }

    static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        // lightgbm4j's classes extract and load the library in their static initialisers, so the
        // folder must be set before the first of them is touched.
        String previous = System.getProperty("java.io.tmpdir");
        try {
            Path own = Files.createTempDirectory("creditdesk-lightgbm-");
            System.setProperty("java.io.tmpdir", own.toString());
            LGBMBooster.loadNative();
            // deleteOnExit works in reverse order of registration: the folder first, so it goes last, once empty.
            own.toFile().deleteOnExit();
            for (File file : own.toFile().listFiles()) {
                file.deleteOnExit();
            }
            loaded = true;
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new ModelException("LightGBM's native library could not be loaded (" + e.getMessage()
                    + "). On Linux it needs libgomp (the GNU OpenMP runtime) installed.", e);
        } finally {
            System.setProperty("java.io.tmpdir", previous);
        }
    }
}
