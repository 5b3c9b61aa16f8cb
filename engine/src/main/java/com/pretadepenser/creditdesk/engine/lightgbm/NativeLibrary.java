package com.pretadepenser.creditdesk.engine.lightgbm;

import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.UserFolders;
import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Loads LightGBM's native library once per process, from a private folder.
 *
 * <p>lightgbm4j extracts its libraries to {@code java.io.tmpdir} under fixed names; a second
 * process starting meanwhile (the dashboard and a command-line run, two test JVMs) overwrites the
 * file the first one has mapped, and the first dies with SIGBUS. Pointing the extraction at a
 * folder of our own, just for the load, removes that race.
 *
 * <p>The folder lies in the user's cache folder ({@code natives/run-*}), not in {@code /tmp}
 * (often mounted noexec on managed Linux workstations, where a library there cannot be loaded) and
 * not in the install folder (read-only). Each process holds a lock on its folder's {@code .lock}
 * file while it lives; at start, the folders of processes that are gone (their lock free) are
 * removed, so extractions never pile up, even after a crash. When the cache folder cannot be
 * written, the system's temporary folder is used as before. Every entry point of this package
 * calls {@link #ensureLoaded()} before it touches a lightgbm4j class.
 */
final class NativeLibrary {
    private static final Logger LOG = Logger.getLogger(NativeLibrary.class.getName());
    static final String RUN_PREFIX = "run-";
    static final String LOCK = ".lock";
    private static boolean loaded;
    /** Held for the life of the process: the lock that tells other processes this folder is in use. */
    @SuppressWarnings("unused")
    private static FileChannel held;

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
            Path own = ownFolder(UserFolders.current().cache().resolve("natives"));
            System.setProperty("java.io.tmpdir", own.toString());
            loadBundledOpenMp(own);
            LGBMBooster.loadNative();
            // deleteOnExit works in reverse order of registration: the folder first, so it goes last, once empty.
            own.toFile().deleteOnExit();
            for (File file : own.toFile().listFiles()) {
                file.deleteOnExit();
            }
            loaded = true;
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new ModelException(e, EngineMessage.LIGHTGBM_NATIVE_LIBRARY, e.getMessage());
        } finally {
            System.setProperty("java.io.tmpdir", previous);
        }
    }

    /**
     * The OpenMP runtime LightGBM's library needs where a bare workstation lacks it, when the
     * installer bundled it: on macOS Homebrew's libomp, packed beside the dylib in the jar
     * ({@code packaging/macos/bundle-libomp.sh} points the dylib at {@code @loader_path}), is copied
     * next to where lightgbm4j extracts the dylib; on Windows the VC++ OpenMP runtime
     * ({@code vcomp140.dll}) beside the installed launchers is loaded first. Elsewhere nothing.
     */
    private static void loadBundledOpenMp(Path folder) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("mac")) {
            String arch = System.getProperty("os.arch", "").contains("aarch64") ? "aarch64" : "x86_64";
            try (java.io.InputStream omp = NativeLibrary.class.getResourceAsStream("/lightgbm4j/osx/" + arch + "/libomp.dylib")) {
                if (omp != null) {
                    Files.copy(omp, folder.resolve("libomp.dylib"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } else if (os.startsWith("windows")) {
            String launcher = System.getProperty("jpackage.app-path");
            Path dll = launcher == null ? null : Path.of(launcher).toAbsolutePath().getParent().resolve("vcomp140.dll");
            if (dll != null && Files.isRegularFile(dll)) {
                System.load(dll.toString());
            }
        }
    }

    /** A new locked folder under {@code parent}, after removing those no live process holds; the system's temporary folder if that fails. */
    private static Path ownFolder(Path parent) throws IOException {
        try {
            Files.createDirectories(parent);
            sweep(parent);
            Path own = Files.createTempDirectory(parent, RUN_PREFIX);
            held = lock(own);
            return own;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot use " + parent + " for LightGBM's native library; using the temporary folder", e);
            return Files.createTempDirectory("creditdesk-lightgbm-");
        }
    }

    static FileChannel lock(Path folder) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IOException(folder + " is locked by another process");
        }
        return channel;
    }

    /** Removes the {@code run-*} folders under {@code parent} whose lock no process holds; returns how many. */
    static int sweep(Path parent) throws IOException {
        List<Path> runs;
        try (Stream<Path> listing = Files.list(parent)) {
            runs = listing.filter(p -> p.getFileName().toString().startsWith(RUN_PREFIX) && Files.isDirectory(p)).toList();
        }
        int removed = 0;
        for (Path run : runs) {
            if (abandoned(run)) {
                try {
                    deleteRecursively(run);
                    removed++;
                } catch (IOException e) {
                    LOG.log(Level.FINE, "could not remove " + run + " (a library still mapped?)", e);
                }
            }
        }
        return removed;
    }

    /**
     * True when no process holds the folder's lock, or it has none and is over a minute old (a
     * crash before locking). A younger folder without a lock is another process between creating
     * it and locking it: two workers of a distributed run starting LightGBM at the same moment
     * removed each other's library that way.
     */
    private static boolean abandoned(Path run) {
        Path lockFile = run.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            try {
                return Files.getLastModifiedTime(run).toMillis() < System.currentTimeMillis() - 60_000;
            } catch (IOException e) {
                return false;
            }
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // held by this very process
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
