package com.pretadepenser.creditdesk.app.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Time since this process started, for the start-up benchmarks. On Linux, {@code ProcessHandle}'s
 * start instant is the boot time (whole seconds) plus the process's start in ticks, so it can be up
 * to a second early: there the clock reads the process's start and the uptime, both in ticks since
 * boot, from {@code /proc}. Elsewhere (macOS, Windows report exact start times) it asks {@code ProcessHandle}.
 */
public final class ProcessClock {
    /** Linux's USER_HZ: 100 on every architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessClock() {
    }

    public static long millisSinceStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            // fields after the command name (in parentheses, which may hold spaces): state is field 3, starttime field 22
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            double startedSeconds = Long.parseLong(fields[22 - 3]) / TICKS_PER_SECOND;
            double upSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Math.round((upSeconds - startedSeconds) * 1000);
        } catch (IOException | RuntimeException notLinux) {
            return Duration.between(ProcessHandle.current().info().startInstant().orElseThrow(), Instant.now()).toMillis();
        }
    }
}
