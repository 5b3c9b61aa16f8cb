package com.pretadepenser.creditdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CreditDeskCliTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void everyCommandHasHelp() {
        // every subcommand picocli knows (not a hand-kept list that misses the new ones), picocli's own "help" aside
        List<String> commands = new picocli.CommandLine(new CreditDeskCli()).getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help")).toList();
        assertTrue(commands.containsAll(List.of("generate", "import", "train", "explain", "serve", "verify-log", "report")), commands.toString());
        for (String command : commands) {
            console.reset();
            assertEquals(0, CreditDeskCli.run(command, "--help"), command);
            assertTrue(console.out().contains("Usage: creditdesk " + command), command + ": " + console.out());
        }
    }

    @Test
    void generateImportInspectRoundTrip() {
        Path csv = dir.resolve("csv");
        Path dataset = dir.resolve("dataset");

        assertEquals(0, CreditDeskCli.run("generate", "--clients", "300", "--seed", "3", "--out", csv.toString()));
        assertTrue(console.out().contains("SYNTHETIC dataset written"), console.out());
        assertEquals(0, CreditDeskCli.run("import", "--from", csv.toString(), "--to", dataset.toString()));
        assertTrue(LocalDataset.open(dataset).isSynthetic());
        console.reset();
        assertEquals(0, CreditDeskCli.run("inspect", dataset.toString()));

        String shown = console.out();
        assertTrue(shown.contains("SYNTHETIC DATA"), shown);
        assertTrue(shown.matches("(?s).*application_train\\.csv\\s+300\\s+122.*"), shown);
        assertTrue(shown.contains("TARGET rate:"), shown);
    }

    @Test
    void failureGivesNonZeroExitAndOneLineReason() {
        int code = CreditDeskCli.run("inspect", dir.resolve("nowhere").toString());

        assertEquals(1, code);
        String reason = console.err().strip();
        assertTrue(reason.startsWith("creditdesk: Not a folder:"), reason);
        assertFalse(reason.contains("\n"), "one line: " + reason);
        assertFalse(reason.contains("Exception"), reason);
    }

    @Test
    void importOfMalformedFileNamesFileLineAndColumn() throws Exception {
        Path csv = Files.createDirectories(dir.resolve("bad"));
        assertEquals(0, CreditDeskCli.run("generate", "--clients", "50", "--out", dir.resolve("gen").toString()));
        Path train = dir.resolve("gen").resolve("application_train.csv");
        List<String> lines = Files.readAllLines(train);
        String[] header = lines.get(0).split(",", -1);
        int column = List.of(header).indexOf("AMT_CREDIT");
        String[] third = lines.get(3).split(",", -1);
        third[column] = "lots";
        lines.set(3, String.join(",", third));
        Files.write(csv.resolve("application_train.csv"), lines);
        console.reset();

        int code = CreditDeskCli.run("import", "--from", csv.toString(), "--to", dir.resolve("ds").toString());

        assertEquals(1, code);
        assertTrue(console.err().contains("application_train.csv, line 4, column AMT_CREDIT: value \"lots\" is not a number"), console.err());
        assertFalse(Files.exists(dir.resolve("ds")));
    }

    @Test
    void importReportsChildRowsWithoutTheirClientNamingTheFirst() throws Exception {
        Path csv = dir.resolve("gen");
        assertEquals(0, CreditDeskCli.run("generate", "--clients", "50", "--out", csv.toString()));
        Path bureau = csv.resolve("bureau.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(bureau));
        List<String> header = List.of(lines.get(0).split(",", -1));
        String[] orphan = lines.get(1).split(",", -1);
        orphan[header.indexOf("SK_ID_CURR")] = "999999";
        orphan[header.indexOf("SK_ID_BUREAU")] = "99999999";
        lines.add(String.join(",", orphan));
        Files.write(bureau, lines);
        console.reset();

        assertEquals(0, CreditDeskCli.run("import", "--from", csv.toString(), "--to", dir.resolve("ds").toString()));

        assertTrue(console.out().contains("note: bureau.csv: 1 row with a SK_ID_CURR absent from the application files, kept but "
                + "joined to no client; the first is line " + lines.size() + " (SK_ID_CURR 999999)"), console.out());
        console.reset();
        assertEquals(0, CreditDeskCli.run("inspect", dir.resolve("ds").toString()));
        assertTrue(console.out().contains("(SK_ID_CURR 999999)"), "inspect repeats it from the manifest: " + console.out());
    }

}
