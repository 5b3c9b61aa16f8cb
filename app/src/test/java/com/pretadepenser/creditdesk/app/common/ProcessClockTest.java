package com.pretadepenser.creditdesk.app.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ProcessClockTest {
    /**
     * The JVM's own uptime starts a few tens of milliseconds after the process does: the start-up
     * benchmarks' clock must agree with it within that, not be a second early as ProcessHandle's
     * start instant is on Linux (the boot time in whole seconds).
     */
    @Test
    void agreesWithTheJvmsUptime() {
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long sinceStart = ProcessClock.millisSinceStart();
        long jvmUptimeAfter = ManagementFactory.getRuntimeMXBean().getUptime();
        assertTrue(sinceStart >= jvmUptime - 20, "the process started " + sinceStart + " ms ago, after the JVM (" + jvmUptime + " ms)?");
        assertTrue(sinceStart <= jvmUptimeAfter + 400,
                "the process started " + sinceStart + " ms ago, the JVM " + jvmUptimeAfter + " ms ago: the clock is early");
    }
}
