package com.pretadepenser.creditdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

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
        assertEquals(0, code, console.err());
        assertTrue(console.out().contains("report for client 100003 written to"), console.out());
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
        String message = console.err();
        assertTrue(message.contains("42"), message);
        assertFalse(message.contains("\tat "), message);
        assertFalse(Files.exists(pdf));
    }

    @Test
    void anOutputThatIsNotAPdfIsNamed() {
        assertEquals(1, CreditDeskCli.run("report", "--model", "m", "--data", "d", "--client", "1", "--out", dir.resolve("x.txt").toString()));
        assertTrue(console.err().contains("--out must name a .pdf file"), console.err());
    }
}
