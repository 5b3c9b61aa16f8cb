package com.pretadepenser.creditdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkerSupervisorTest {
    private static String relayed(String childErr, AtomicReference<String> fatal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkerSupervisor.relay(new ByteArrayInputStream(childErr.getBytes(StandardCharsets.UTF_8)), out, fatal);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lightGbmsAbortIsHeldBackAndEndsInCreditDesksWords() {
        AtomicReference<String> fatal = new AtomicReference<>();
        String shown = relayed("train 0/2  10% [=  ] 1/10\rtrain 0/2  20% [== ] 2/10\r"
                + "[LightGBM] [Info] Finished linking network in 0.01 seconds\n"
                + "[LightGBM] [Fatal] Socket recv error, Connection reset by peer (code: 104)\n"
                + "terminate called without an active exception\n", fatal);

        assertEquals("train 0/2  10% [=  ] 1/10\rtrain 0/2  20% [== ] 2/10\r"
                + "[LightGBM] [Info] Finished linking network in 0.01 seconds\n", shown, "progress and other lines pass as they come");
        assertEquals("Socket recv error, Connection reset by peer (code: 104)", fatal.get());
        String ending = WorkerSupervisor.ending(134, fatal.get());
        assertTrue(ending.startsWith("a worker was lost during training (LightGBM: Socket recv error"), ending);
        assertTrue(ending.endsWith("every worker stops, no model was written."), ending);
    }

    @Test
    void anotherAbnormalEndNamesItsExitCode() {
        AtomicReference<String> fatal = new AtomicReference<>();
        assertEquals("creditdesk: out of memory\n", relayed("creditdesk: out of memory\n", fatal));
        assertNull(fatal.get());
        assertEquals("the worker's training process ended abnormally (exit code 137): every worker stops, no model was written.",
                WorkerSupervisor.ending(137, null));
    }

    @Test
    void aLastLineWithoutNewlineStillReachesTheUser() {
        assertEquals("worker 1 of 2 joined", relayed("worker 1 of 2 joined", new AtomicReference<>()));
    }
}
