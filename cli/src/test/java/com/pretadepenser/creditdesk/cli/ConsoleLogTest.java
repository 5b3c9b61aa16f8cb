package com.pretadepenser.creditdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ConsoleLogTest {
    private static LogRecord warning(String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setThrown(thrown);
        return record;
    }

    @Test
    void aWarningWithACauseIsOneLineWithTheCausesMessageAndNoTrace() {
        String line = new ConsoleLog.OneLine(false).format(warning("LightGBM training failed",
                new IllegalStateException("Socket recv error, Connection reset by peer (code: 104)")));
        assertEquals("creditdesk: warning: LightGBM training failed: Socket recv error, Connection reset by peer (code: 104)"
                + System.lineSeparator(), line);
    }

    @Test
    void theTraceComesBackOnlyWhenADeveloperAsks() {
        String line = new ConsoleLog.OneLine(true).format(warning("failed", new IllegalStateException("why")));
        assertTrue(line.startsWith("creditdesk: warning: failed: why"), line);
        assertTrue(line.contains("\tat "), line);
    }

    @Test
    void informationHasNoLevelWordAndACauseWithoutMessageIsNamedByItsType() {
        assertEquals("creditdesk: peer index cached" + System.lineSeparator(),
                new ConsoleLog.OneLine(false).format(new LogRecord(Level.INFO, "peer index cached")));
        String line = new ConsoleLog.OneLine(false).format(warning("cannot cache", new java.io.IOException()));
        assertEquals("creditdesk: warning: cannot cache: IOException" + System.lineSeparator(), line);
        assertFalse(line.contains("\tat "));
    }
}
