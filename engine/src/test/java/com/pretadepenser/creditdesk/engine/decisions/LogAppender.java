package com.pretadepenser.creditdesk.engine.decisions;

import java.nio.file.Path;

/**
 * The child process of the crash and concurrency tests: opens the log (setting aside a torn line),
 * then appends COUNT records for client CLIENT (0: until killed), printing "ack SEQ HASH" after
 * each append returns, that is once the record is on the disk.
 */
public final class LogAppender {
    private LogAppender() {
    }

    public static void main(String[] args) {
        DecisionLog log = new DecisionLog(Path.of(args[0]));
        int client = Integer.parseInt(args[1]);
        long count = Long.parseLong(args[2]);
        log.open().ifPresent(torn -> System.out.println("torn " + torn.bytes()));
        System.out.flush();
        for (long i = 0; count == 0 || i < count; i++) {
            DecisionLog.Entry entry = log.append(Records.confirmed(client, (i % 100) / 100.0));
            System.out.println("ack " + entry.seq() + " " + entry.hash());
            System.out.flush();
        }
    }
}
