package com.pretadepenser.creditdesk.app.common;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.OutOfMemory;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;

/**
 * Runs tasks on daemon worker threads through {@link Task}, so progress, messages and callbacks
 * reach the FX thread. The log gets a failure's stack trace once; the user gets its message.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FxTaskExecutor.class.getName());
    private final ExecutorService pool;

    public FxTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "creditdesk-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> Handle execute(BackgroundTask<T> task) {
        Task<T> fx = new MonitoredTask<>(task);
        fx.setOnSucceeded(event -> task.succeeded(fx.getValue()));
        fx.setOnFailed(event -> {
            Throwable error = fx.getException();
            LOG.log(Level.WARNING, task.title() + " failed", error);
            if (error instanceof OutOfMemoryError) {
                // The task's own words say what was being done when the heap ran out.
                error = new CreditDeskException(OutOfMemory.text("\u201c" + task.title() + "\u201d"), error);
            }
            task.failed(error);
        });
        fx.setOnCancelled(event -> task.cancelled());
        try {
            pool.execute(fx);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the window is closing and the workers are gone: late requests (a search queued behind
            // another) are dropped, not run and not reported
            LOG.fine(() -> task.title() + " dropped: the app is closing");
        }
        return new Handle() {
            @Override
            public void cancel() {
                fx.cancel(false);
            }

            @Override
            public boolean isDone() {
                return fx.isDone();
            }

            @Override
            public ReadOnlyDoubleProperty progressProperty() {
                return fx.progressProperty();
            }

            @Override
            public ReadOnlyStringProperty messageProperty() {
                return fx.messageProperty();
            }
        };
    }

    /**
     * The one adapter from the engine's {@link ProgressMonitor} to a JavaFX {@link Task}: the work
     * is handed the task itself, whose progress and message reach the FX thread and whose
     * cancellation the engine polls.
     */
    static final class MonitoredTask<T> extends Task<T> implements ProgressMonitor {
        private final BackgroundTask<T> task;

        MonitoredTask(BackgroundTask<T> task) {
            this.task = task;
        }

        @Override
        protected T call() throws Exception {
            updateMessage(task.title());
            return task.work().run(this);
        }

        /** A total of 0 or less means "not known": the bar is indeterminate. */
        @Override
        public void progress(long done, long total, String message) {
            if (total <= 0) {
                updateProgress(-1, 1);
            } else {
                updateProgress(done, total);
            }
            updateMessage(message);
        }

        /** The task's own: true once {@link Task#cancel} was called. */
        @Override
        public boolean isCancelled() {
            return super.isCancelled();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
