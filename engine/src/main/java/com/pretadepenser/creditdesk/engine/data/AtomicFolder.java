package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Writes a folder all at once: the content goes into a hidden staging folder beside the target,
 * which is renamed into place only when complete. A failure or a cancellation deletes the staging
 * folder and leaves the target as it was.
 */
public final class AtomicFolder {
    /** Fills the staging folder. */
    @FunctionalInterface
    public interface Content {
        void writeInto(Path staging) throws IOException;
    }

    private AtomicFolder() {
    }

    public static void write(Path target, boolean replace, Content content) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !replace) {
            throw new CreditDeskException(EngineMessage.ALREADY_EXISTS_REPLACE, absolute);
        }
        Path staging = absolute.resolveSibling("." + absolute.getFileName() + ".writing-" + UUID.randomUUID());
        try {
            Files.createDirectories(absolute.getParent());
            Files.createDirectory(staging);
            content.writeInto(staging);
            moveIntoPlace(staging, absolute, replace);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new CreditDeskException(e, EngineMessage.CANNOT_WRITE_NOTHING_CHANGED, absolute, e.getMessage());
        } catch (UncheckedIOException e) {
            deleteQuietly(staging);
            throw new CreditDeskException(e, EngineMessage.CANNOT_WRITE_NOTHING_CHANGED, absolute, e.getCause().getMessage());
        } catch (RuntimeException | Error e) {
            deleteQuietly(staging);
            throw e;
        }
    }

    private static void moveIntoPlace(Path staging, Path target, boolean replace) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            if (!replace) {
                throw new CreditDeskException(EngineMessage.FOLDER_APPEARED, target);
            }
            old = target.resolveSibling("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
            atomicMove(target, old);
        }
        try {
            atomicMove(staging, target);
        } catch (IOException e) {
            if (old != null) {
                atomicMove(old, target);
            }
            throw e;
        }
        deleteQuietly(old);
    }

    private static void atomicMove(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it; best effort: a failure leaves the rest behind, never throws (for leftovers and scratch folders). */
    public static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort: a leftover staging folder is hidden and named for what it is.
        }
    }
}
