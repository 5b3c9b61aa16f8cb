package com.pretadepenser.creditdesk.engine.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log for real: child JVMs appending, killed with SIGKILL, and two of them writing at once. */
class DecisionLogCrashTest {
    static final int KILLS = 8;
    @TempDir
    Path dir;

    private static Process appender(Path log, int client, long count) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), LogAppender.class.getName(), log.toString(),
                String.valueOf(client), String.valueOf(count))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    @Test
    void everyAcknowledgedRecordSurvivesSigkill() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        Random random = new Random(12);
        Map<Long, String> acknowledged = new HashMap<>();
        int tornReported = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = appender(file, 100001 + kill, 0);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            // let it append for a while once it has started (a JVM starts in 0.3 s idle, seconds on a
            // loaded machine: the clock starts at its first line), then kill it wherever it is
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        started.countDown();
                        String[] parts = line.split(" ");
                        if (parts[0].equals("ack")) {
                            synchronized (acknowledged) {
                                acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                            }
                        } else if (parts[0].equals("torn")) {
                            synchronized (acknowledged) {
                                acknowledged.put(-1L - acknowledged.size(), "torn");
                            }
                        }
                    }
                } catch (IOException killed) {
                    // the pipe closes with the child
                }
            });
            reader.start();
            started.await(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100 + random.nextInt(600));
            while (System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL on Linux and macOS
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join(10_000);
        }
        tornReported = (int) acknowledged.values().stream().filter("torn"::equals).count();
        acknowledged.values().removeIf("torn"::equals);

        DecisionLog log = new DecisionLog(file);
        boolean tornAtEnd = log.open().isPresent();
        DecisionLog.Check check = log.verify();
        assertTrue(check.whole(), check.message());
        Map<Long, String> found = log.entries().stream().collect(Collectors.toMap(DecisionLog.Entry::seq, DecisionLog.Entry::hash));
        assertTrue(acknowledged.size() > KILLS, "the children appended: " + acknowledged.size() + " acknowledged");
        for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
            assertEquals(ack.getValue(), found.get(ack.getKey()), "acknowledged record " + ack.getKey() + " is present and intact");
        }
        System.out.printf("decision log crash test: %d SIGKILLs, %d records acknowledged, %d records found, %d torn lines set aside%n",
                KILLS, acknowledged.size(), found.size(), tornReported + (tornAtEnd ? 1 : 0));
    }

    @Test
    void twoWritersAtOnceNeverInterleaveALine() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        int each = 60;
        List<Process> writers = List.of(appender(file, 200001, each), appender(file, 200002, each));
        for (Process writer : writers) {
            writer.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertTrue(writer.waitFor(120, TimeUnit.SECONDS), "the writer ends");
            assertEquals(0, writer.exitValue());
        }
        DecisionLog log = new DecisionLog(file);
        DecisionLog.Check check = log.verify();
        assertTrue(check.whole(), check.message());
        assertEquals(2 * each, check.records());
        Map<Integer, Long> byClient = log.entries().stream()
                .collect(Collectors.groupingBy(e -> e.record().clientId(), Collectors.counting()));
        assertEquals(Map.of(200001, (long) each, 200002, (long) each), byClient);
        // each writer's records keep their order
        List<Integer> probabilities = log.entries().stream().filter(e -> e.record().clientId() == 200001)
                .map(e -> (int) Math.round(e.record().probability() * 100)).toList();
        assertEquals(java.util.stream.IntStream.range(0, each).map(i -> i % 100).boxed().toList(), probabilities);
    }
}
