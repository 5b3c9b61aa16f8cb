package com.pretadepenser.creditdesk.app.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code -Dcreditdesk.trace=true}: the start's milestones on stderr, each with the time since the
 * process started, the thread that reached it and the CPU time that thread has used so far, and
 * (in {@code --smoke}) the CPU time each thread family has used by the first client drawn. How
 * docs/installers.md profiles the start.
 */
public final class StartTrace {
    private static final boolean ON = Boolean.getBoolean("creditdesk.trace");

    private StartTrace() {
    }

    public static void mark(String milestone) {
        if (ON) {
            System.err.printf("start: %5d ms  %-28s %-40s (its CPU %d ms)%n", ProcessClock.millisSinceStart(),
                    "[" + Thread.currentThread().getName() + "]", milestone, threadCpuMillis());
        }
    }

    /** The calling thread's CPU time so far (user + system, in 10 ms ticks); -1 off Linux. */
    private static long threadCpuMillis() {
        try {
            return cpuMillis(Files.readString(Path.of("/proc/thread-self/stat"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    /** A task's CPU time from its {@code /proc/.../stat} line: utime and stime, fields 14 and 15, in ticks of 10 ms. */
    private static long cpuMillis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3])) * 10;
    }

    /** CPU time (user + system) by thread name, digits folded ("C2 CompilerThread0" and "1" together); Linux only. */
    public static void cpuByThread() {
        if (!ON) {
            return;
        }
        Map<String, Long> millis = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                millis.merge(name, cpuMillis(stat), Long::sum);
            }
        } catch (IOException | RuntimeException notLinux) {
            System.err.println("start: CPU by thread needs Linux's /proc (" + notLinux + ")");
            return;
        }
        millis.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.err.printf("start: CPU %5d ms  %s%n", e.getValue(), e.getKey()));
    }
}
