package com.pretadepenser.creditdesk.engine.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.scoring.Decision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionLogTest {
    @TempDir
    Path dir;

    private DecisionLog logWithThree() {
        DecisionLog log = new DecisionLog(dir.resolve("decisions.jsonl"));
        log.append(Records.confirmed(100001, 0.05));
        log.append(Records.overridden(100002));
        log.append(Records.confirmed(100003, 0.30));
        return log;
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(dir.resolve("decisions.jsonl"), StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.write(dir.resolve("decisions.jsonl"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void recordsChainFromAGenesisLineAndReadBack() throws IOException {
        DecisionLog log = logWithThree();
        List<String> lines = lines();
        assertEquals(4, lines.size(), "a genesis line and three records");
        assertTrue(lines.get(0).contains("\"genesis\":{\"log\":\"CreditDesk decision log\""), lines.get(0));
        DecisionLog.Check check = log.verify();
        assertTrue(check.whole(), check.message());
        assertEquals(3, check.records());
        List<DecisionLog.Entry> entries = log.entries();
        assertEquals(List.of(100001, 100002, 100003), entries.stream().map(e -> e.record().clientId()).toList());
        assertEquals(List.of(1L, 2L, 3L), entries.stream().map(DecisionLog.Entry::seq).toList());
        assertEquals(List.of(2, 3, 4), entries.stream().map(DecisionLog.Entry::line).toList());
        DecisionRecord override = entries.get(1).record();
        assertTrue(override.overridden());
        assertEquals("Guarantor signed; salary slip of December seen", override.overrideReason());
        assertEquals(Records.overridden(100002), override, "a record reads back as written");
        // each line links to the one before
        for (int i = 1; i < lines.size(); i++) {
            String previousHash = lines.get(i - 1).substring(lines.get(i - 1).lastIndexOf("\"hash\":\"") + 8, lines.get(i - 1).length() - 2);
            assertTrue(lines.get(i).contains("\"prev\":\"" + previousHash + "\""), "line " + (i + 1) + " links to line " + i);
        }
        assertEquals(entries.get(2).hash(), check.lastHash());
    }

    @Test
    void anEditedRecordIsNamed() throws IOException {
        DecisionLog log = logWithThree();
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"final-decision\":\"GRANTED\"", "\"final-decision\":\"REFUSED\""));
        write(lines);
        DecisionLog.Check check = log.verify();
        assertEquals(DecisionLog.Problem.EDITED, check.problem().orElseThrow());
        assertEquals(3, check.line(), check.message());
        assertTrue(check.message().contains("line 3"), check.message());
        assertEquals(1, check.records(), "the records before the bad line are read");
    }

    @Test
    void anEditedAndResealedRecordBreaksTheNextLink() throws IOException {
        DecisionLog log = logWithThree();
        List<String> lines = lines();
        String line = lines.get(1);
        String body = line.substring(0, line.lastIndexOf(",\"hash\":\"")).replace("0.05", "0.04");
        lines.set(1, body + ",\"hash\":\"" + DecisionLog.hashOf(body) + "\"}");
        write(lines);
        DecisionLog.Check check = log.verify();
        assertEquals(DecisionLog.Problem.EDITED, check.problem().orElseThrow());
        assertEquals(2, check.line(), "the rewritten line: " + check.message());
        assertTrue(check.message().contains("line 3 does not link to line 2"), check.message());
    }

    @Test
    void aDeletedRecordIsNamed() throws IOException {
        DecisionLog log = logWithThree();
        List<String> lines = lines();
        lines.remove(2);
        write(lines);
        DecisionLog.Check check = log.verify();
        assertEquals(DecisionLog.Problem.DELETED, check.problem().orElseThrow());
        assertEquals(3, check.line());
        assertTrue(check.message().contains("records 2 to 2 were deleted"), check.message());
    }

    @Test
    void aDeletedGenesisIsNamed() throws IOException {
        DecisionLog log = logWithThree();
        List<String> lines = lines();
        lines.remove(0);
        write(lines);
        DecisionLog.Check check = log.verify();
        assertEquals(DecisionLog.Problem.DELETED, check.problem().orElseThrow());
        assertEquals(1, check.line(), check.message());
    }

    @Test
    void reorderedRecordsAreNamed() throws IOException {
        DecisionLog log = logWithThree();
        List<String> lines = lines();
        String second = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, second);
        write(lines);
        DecisionLog.Check check = log.verify();
        assertEquals(DecisionLog.Problem.REORDERED, check.problem().orElseThrow());
        assertEquals(3, check.line(), check.message());
    }

    @Test
    void aTornLastLineIsReportedThenSetAsideWithItsBytesKept() throws IOException {
        DecisionLog log = logWithThree();
        Path file = dir.resolve("decisions.jsonl");
        String torn = "{\"seq\":4,\"prev\":\"abc\",\"record\":{\"time\":\"2026-";
        Files.writeString(file, torn, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        DecisionLog.Check check = log.verify();
        assertEquals(DecisionLog.Problem.TORN, check.problem().orElseThrow());
        assertEquals(5, check.line());
        assertEquals(3, check.records(), "the whole records stay readable");

        DecisionLog.TornTail tail = log.open().orElseThrow();
        assertEquals(torn.getBytes(StandardCharsets.UTF_8).length, tail.bytes());
        assertEquals(dir.resolve("decisions.jsonl.torn"), tail.movedTo());
        assertTrue(Files.readString(tail.movedTo()).contains(torn), "the torn bytes are kept, not dropped");
        assertTrue(log.verify().whole());
        log.append(Records.confirmed(100004, 0.02));
        DecisionLog.Check after = log.verify();
        assertTrue(after.whole(), after.message());
        assertEquals(4, after.records());
        assertTrue(log.open().isEmpty(), "nothing more to set aside");
    }

    @Test
    void aDamagedLastRecordRefusesNewRecordsInsteadOfChainingToIt() throws IOException {
        DecisionLog log = logWithThree();
        List<String> lines = lines();
        lines.set(3, lines.get(3).replace("0.3", "0.2"));
        write(lines);
        var e = assertThrows(com.pretadepenser.creditdesk.engine.CreditDeskException.class, () -> log.append(Records.confirmed(100005, 0.01)));
        assertTrue(e.getMessage().contains("verify-log"), e.getMessage());
        assertEquals(4, lines().size(), "nothing was written");
    }

    @Test
    void recordsExportToCsvWithTheirHashes() throws IOException {
        DecisionLog log = logWithThree();
        Path csv = dir.resolve("records.csv");
        DecisionCsv.write(log.entries(), csv);
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).startsWith("SEQ,TIME,OS_USER,MACHINE,SK_ID_CURR"), rows.get(0));
        assertTrue(rows.get(2).contains("100002") && rows.get(2).contains("REFUSED,GRANTED,true,Guarantor signed; salary slip of December seen"),
                rows.get(2));
        assertTrue(rows.get(3).endsWith(log.entries().get(2).hash()), rows.get(3));
        try (var leftovers = Files.list(dir)) {
            assertEquals(0, leftovers.filter(p -> p.getFileName().toString().endsWith(".partial")).count(), "no partial file left");
        }
    }

    @Test
    void aMissingLogIsWholeAndEmpty() {
        DecisionLog log = new DecisionLog(dir.resolve("none.jsonl"));
        assertTrue(log.verify().whole());
        assertEquals(List.of(), log.entries());
        assertFalse(Files.exists(dir.resolve("none.jsonl")), "reading does not create the log");
    }

    @Test
    void anOverrideNeedsAWrittenReason() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new DecisionRecord("2026-12-02T09:00:00Z",
                "u", "m", 1, null, "d", "h", "m", "s", 0.2, 0.1, Decision.REFUSED, Decision.GRANTED, "   ", List.of(), "1"));
        assertTrue(none.getMessage().contains("at least " + DecisionRecord.MIN_REASON_LENGTH), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DecisionRecord("2026-12-02T09:00:00Z",
                "u", "m", 1, null, "d", "h", "m", "s", 0.2, 0.1, Decision.REFUSED, Decision.GRANTED, "too short", List.of(), "1"));
        assertThrows(IllegalArgumentException.class, () -> new DecisionRecord("2026-12-02T09:00:00Z",
                "u", "m", null, Map.of(), "d", "h", "m", "s", 0.2, 0.1, Decision.REFUSED, Decision.REFUSED, null, List.of(), "1"),
                "a record names a client or a new application's inputs");
        DecisionRecord newApplication = new DecisionRecord("2026-12-02T09:00:00Z", "u", "m", null, Map.of("AMT_CREDIT", "250000"),
                "d", "h", "m", "s", 0.05, 0.1, Decision.GRANTED, Decision.GRANTED, null, List.of(), "1");
        assertFalse(newApplication.overridden());
    }
}
