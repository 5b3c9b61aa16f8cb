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
        // It names the command, or, when the heap had no room even for that, says "this command".
        assertTrue(err.matches("(?s).*creditdesk: Out of memory during (explain|this command).*"), err);
        assertTrue(err.matches("(?s).*Java's heap is limited to 4\\d MB\\..*"), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), "no stack trace: " + err);
    }
}
