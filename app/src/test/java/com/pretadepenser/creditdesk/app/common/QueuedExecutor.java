package com.pretadepenser.creditdesk.app.common;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Holds tasks until told to finish them, in any order: results that arrive late or out of order,
 * without threads. The work's progress reaches its handle; a cancelled handle's work sees it.
 */
public final class QueuedExecutor implements TaskExecutor {
    private final List<Runnable> queued = new ArrayList<>();
    private final List<String> cancelled = new ArrayList<>();

    @Override
    public <T> Handle execute(BackgroundTask<T> task) {
        boolean[] done = {false};
        boolean[] cancel = {false};
        ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void progress(long work, long total, String text) {
                progress.set(total <= 0 ? -1 : work / (double) total);
                message.set(text);
            }

            @Override
            public boolean isCancelled() {
                return cancel[0];
            }
        };
        queued.add(() -> {
            T value;
            try {
                value = task.work().run(monitor);
            } catch (Exception | Error e) {
                done[0] = true;
                task.failed(e);
                return;
            }
            done[0] = true;
            task.succeeded(value);
        });
        return new Handle() {
            @Override
            public void cancel() {
                cancel[0] = true;
                cancelled.add(task.title());
            }

            @Override
            public boolean isDone() {
                return done[0];
            }

            @Override
            public ReadOnlyDoubleProperty progressProperty() {
                return progress.getReadOnlyProperty();
            }

            @Override
            public ReadOnlyStringProperty messageProperty() {
                return message.getReadOnlyProperty();
            }
        };
    }

    /** The titles of the tasks whose handle was cancelled, in that order. */
    public List<String> cancelled() {
        return List.copyOf(cancelled);
    }

    public int pending() {
        return queued.size();
    }

    /** Finishes every queued task (and those they queue), newest first. */
    public void finishNewestFirst() {
        while (!queued.isEmpty()) {
            queued.remove(queued.size() - 1).run();
        }
    }

    /** Finishes every queued task (and those they queue), oldest first. */
    public void finishOldestFirst() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }
}
