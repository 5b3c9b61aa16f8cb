package com.pretadepenser.creditdesk.app.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Holds tasks until told to finish them, in any order: results that arrive late or out of order, without threads. */
public final class QueuedExecutor implements TaskExecutor {
    private final List<Runnable> queued = new ArrayList<>();

    @Override
    public <T> Handle execute(BackgroundTask<T> task) {
        boolean[] done = {false};
        queued.add(() -> {
            done[0] = true;
            T value;
            try {
                value = task.work().run(BackgroundTask.Progress.NONE);
            } catch (Exception | Error e) {
                task.failed(e);
                return;
            }
            task.succeeded(value);
        });
        ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        return new Handle() {
            @Override
            public void cancel() {
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
