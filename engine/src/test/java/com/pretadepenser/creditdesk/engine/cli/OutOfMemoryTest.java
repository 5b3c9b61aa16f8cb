package com.pretadepenser.creditdesk.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.OutOfMemory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A heap too small for the work: one line saying what, the heap, and what to do; never a stack trace. */
class OutOfMemoryTest {
    @Test
    void theMessageNamesTheWorkTheHeapAndALargerOne() {
        String message = OutOfMemory.message("train (training: none, fold 2/5)", 2L * 1024 * 1024 * 1024);
        assertTrue(message.startsWith("Out of memory during train (training: none, fold 2/5): Java's heap is limited to 2.0 GB."), message);
        assertTrue(message.contains("java -Xmx4g -jar"), message);
    }

    @Test
    void aCommandThatRunsOutOfHeapSaysSoInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path log = dir.resolve("stderr.txt");
        Path demo = Path.of("").toAbsolutePath().resolveSibling("data").resolve("demo");
        Path project = Files.isDirectory(demo) ? demo.getParent().getParent() : Path.of("").toAbsolutePath();
        Path model = project.resolve("models").resolve("default");
        Path data = project.resolve("data").resolve("demo");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:-UseCompressedOops", "-cp", System.getProperty("java.class.path"), CreditDeskCli.class.getName(),
                "explain", "--model", model.toString(), "--data", data.toString(), "--client", "100002"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String err = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the command ends instead of hanging: " + err);
        assertEquals(1, process.exitValue(), err);
        // Refused before the work: the estimate of what the dataset needs against the heap.
        assertTrue(err.matches("(?s).*creditdesk: Not enough memory to open .*demo: it needs about \\d+ MB of Java heap, "
                + "and Java's heap is limited to 4\\d MB\\. Start Java with more, e\\.g\\. java -Xmx1g -jar .*Nothing was done\\..*"), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), "no stack trace: " + err);
    }

    @Test
    void workThatOutgrowsTheHeapAfterTheCheckStillSaysSoInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path log = dir.resolve("stderr.txt");
        Path demo = Path.of("").toAbsolutePath().resolveSibling("data").resolve("demo");
        Path data = Files.isDirectory(demo) ? demo : Path.of("").toAbsolutePath().resolve("data").resolve("demo");
        // Enough to open the demo (about 120 MB), far too little to train on it.
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-cp", System.getProperty("java.class.path"), CreditDeskCli.class.getName(),
                "train", "--data", data.toString(), "--out", dir.resolve("model").toString(), "--tune", "off"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        boolean ended = process.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String err = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the command ends instead of hanging: " + err);
        assertEquals(1, process.exitValue(), err);
        assertTrue(err.matches("(?s).*creditdesk: Out of memory during (train|this command).*Java's heap is limited to 160 MB\\..*"), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), "no stack trace: " + err);
        assertFalse(Files.exists(dir.resolve("model")), "no model folder");
    }
}
