package com.pretadepenser.creditdesk.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The engine's batch work on two threads (officers' machines have at least two cores, and features
 * are the cost of every batch): a pool of daemon threads, and the result of a piece of work with
 * its own exception, not wrapped.
 */
public final class WorkerThreads {
    private WorkerThreads() {
    }

    /** Two daemon threads named {@code name}; shut it down when done. */
    public static ExecutorService pool(String name) {
        return Executors.newFixedThreadPool(2, work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The work's result; its failure rethrown as it was thrown (an out-of-memory error too). */
    public static <T> T result(Future<T> work) {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }
}
