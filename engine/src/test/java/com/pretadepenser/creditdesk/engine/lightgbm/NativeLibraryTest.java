package com.pretadepenser.creditdesk.engine.lightgbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.lightgbm.NativeLibrary;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryTest {
    @TempDir
    Path natives;

    @Test
    void theFoldersOfProcessesThatAreGoneAreSweptAndThoseInUseKept() throws Exception {
        Path crashedBeforeLocking = Files.createDirectories(natives.resolve(NativeLibrary.RUN_PREFIX + "1"));
        Files.writeString(crashedBeforeLocking.resolve("lib_lightgbm.so"), "left by a crash");
        Files.setLastModifiedTime(crashedBeforeLocking, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        Path beingLocked = Files.createDirectories(natives.resolve(NativeLibrary.RUN_PREFIX + "4"));
        Path ended = Files.createDirectories(natives.resolve(NativeLibrary.RUN_PREFIX + "2"));
        NativeLibrary.lock(ended).close(); // its process ended: the lock file is there, free
        Path inUse = Files.createDirectories(natives.resolve(NativeLibrary.RUN_PREFIX + "3"));
        Path notOurs = Files.createDirectories(natives.resolve("something-else"));
        try (FileChannel held = NativeLibrary.lock(inUse)) {
            assertTrue(held.isOpen());
            assertEquals(2, NativeLibrary.sweep(natives));
            assertFalse(Files.exists(crashedBeforeLocking));
            assertFalse(Files.exists(ended));
            assertTrue(Files.exists(inUse.resolve(NativeLibrary.LOCK)), "a live process's folder is kept");
            assertTrue(Files.exists(notOurs), "only run-* folders are ours to remove");
            assertTrue(Files.exists(beingLocked), "a folder just made, not locked yet, is another process starting");
        }
    }

    @Test
    void theLibraryLoadsFromTheUsersCacheFolderNotTheTemporaryOne() {
        NativeLibrary.ensureLoaded();
        Path cache = Path.of(System.getProperty("creditdesk.cache")).resolve("natives");
        try (var runs = Files.list(cache)) {
            assertTrue(runs.anyMatch(p -> p.getFileName().toString().startsWith(NativeLibrary.RUN_PREFIX)
                    && Files.exists(p.resolve(NativeLibrary.LOCK))), "this process's run folder, locked, under " + cache);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
