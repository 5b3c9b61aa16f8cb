package com.pretadepenser.creditdesk.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static Path project() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolveSibling("data").resolve("demo")) ? here.getParent() : here;
    }

    @Test
    void writesTheShippedModelsReportOfADemoClient() throws Exception {
        Path pdf = dir.resolve("client.pdf");
        int code = CreditDeskCli.run("report", "--model", project().resolve("models/default").toString(), "--data",
                project().resolve("data/demo").toString(), "--client", "100003", "--out", pdf.toString(), "--lang", "fr", "--no-peers",
                "--log", dir.resolve("decisions.jsonl").toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("report for client 100003 written to"), out.toString(StandardCharsets.UTF_8));
        try (var document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Client 100003") && text.contains("REFUSÉE"), text);
        }
    }

    @Test
    void anUnknownClientIsRefusedInOneLineAndNothingIsWritten() {
        Path pdf = dir.resolve("none.pdf");
        int code = CreditDeskCli.run("report", "--model", project().resolve("models/default").toString(), "--data",
                project().resolve("data/demo").toString(), "--client", "42", "--out", pdf.toString(), "--no-peers");
        assertEquals(1, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("42"), message);
        assertFalse(message.contains("\tat "), message);
        assertFalse(Files.exists(pdf));
    }

    @Test
    void anOutputThatIsNotAPdfIsNamed() {
        assertEquals(1, CreditDeskCli.run("report", "--model", "m", "--data", "d", "--client", "1", "--out", dir.resolve("x.txt").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--out must name a .pdf file"), err.toString(StandardCharsets.UTF_8));
    }
}
