package com.pretadepenser.creditdesk.cli;

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

    /** The project folder (tests run from engine/): the shipped demo data and model are in it. */
    private static Path project() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolveSibling("data").resolve("demo")) ? here.getParent() : here;
    }

    /**
     * Runs the command line in a child JVM with {@code heap}; asserts it ends within {@code seconds}
     * with exit code 1 and no stack trace, and returns its stderr.
     */
    private static String failingRun(Path dir, String heap, int seconds, String... command) throws Exception {
        Path log = dir.resolve("stderr.txt");
        List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:-UseCompressedOops", "-Dcreditdesk.cache=" + System.getProperty("creditdesk.cache", dir.resolve("cache").toString()),
                "-cp", System.getProperty("java.class.path"), CreditDeskCli.class.getName()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String err = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the command ends instead of hanging: " + err);
        assertEquals(1, process.exitValue(), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), "no stack trace: " + err);
        return err;
    }

    @Test
    void aCommandThatRunsOutOfHeapSaysSoInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String err = failingRun(dir, "-Xmx48m", 120, "explain", "--model", project().resolve("models").resolve("default").toString(),
                "--data", project().resolve("data").resolve("demo").toString(), "--client", "100002");
        // Refused before the work: the estimate of what the dataset needs against the heap.
        assertTrue(err.matches("(?s).*creditdesk: Not enough memory to open .*demo: it needs about \\d+ MB of Java heap, "
                + "and Java's heap is limited to 4\\d MB\\. Start Java with more, e\\.g\\. java -Xmx1g -jar .*Nothing was done\\..*"), err);
    }

    @Test
    void workThatOutgrowsTheHeapAfterTheCheckStillSaysSoInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // Enough to open the demo (about 100 MB), far too little to train on it.
        String err = failingRun(dir, "-Xmx160m", 300, "train", "--data", project().resolve("data").resolve("demo").toString(),
                "--out", dir.resolve("model").toString(), "--tune", "off");
        assertTrue(err.matches("(?s).*creditdesk: Out of memory during (train|this command).*Java's heap is limited to 160 MB\\..*"), err);
        assertFalse(Files.exists(dir.resolve("model")), "no model folder");
    }
}
