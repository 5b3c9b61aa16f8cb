package com.pretadepenser.creditdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.decisions.DecisionLog;
import com.pretadepenser.creditdesk.engine.decisions.DecisionRecord;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class VerifyLogCommandTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private Path logOfThree() {
        DecisionLog log = new DecisionLog(dir.resolve("decisions.jsonl"));
        for (int client = 100001; client <= 100003; client++) {
            log.append(new DecisionRecord("2026-12-02T10:00:00Z", "officer", "desk", client, null, "demo", "d", "default", "m",
                    0.05, 0.1, Decision.GRANTED, Decision.GRANTED, null, List.of("age (client's age: 46 years)"), "1.0.0"));
        }
        return log.file();
    }

    @Test
    void aWholeLogExitsZeroWithItsCountAndLastHash() {
        Path file = logOfThree();
        assertEquals(0, CreditDeskCli.run("verify-log", file.toString()), console.err());
        String printed = console.out();
        assertTrue(printed.contains("whole, 3 records, last hash " + new DecisionLog(file).verify().lastHash()), printed);
    }

    @Test
    void aBrokenLogExitsOneNamingTheLineAndTheProblem() throws Exception {
        Path file = logOfThree();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1); // the first record
        Files.write(file, lines);
        assertEquals(1, CreditDeskCli.run("verify-log", file.toString()));
        String message = console.err();
        assertTrue(message.contains("is deleted at line 2"), message);
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
    }

    @Test
    void aMissingFileIsNamed() {
        assertEquals(1, CreditDeskCli.run("verify-log", dir.resolve("nowhere.jsonl").toString()));
        assertTrue(console.err().contains("nowhere.jsonl is not a file"), console.err());
    }
}
