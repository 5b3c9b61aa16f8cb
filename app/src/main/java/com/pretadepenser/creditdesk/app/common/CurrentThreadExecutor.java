package com.pretadepenser.creditdesk.app.common;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Runs each task at once on the caller's thread: ViewModel tests see results without a toolkit. */
public final class CurrentThreadExecutor implements TaskExecutor {
    @Override
    public <T> Handle execute(BackgroundTask<T> task) {
        ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(task.title());
        T value;
        try {
            value = task.work().run((done, total, text) -> {
                progress.set(total <= 0 ? -1 : done / (double) total);
                message.set(text);
            });
        } catch (Exception | Error e) {
            task.failed(e);
            return done(progress, message);
        }
        task.succeeded(value);
        return done(progress, message);
    }

    private static Handle done(ReadOnlyDoubleWrapper progress, ReadOnlyStringWrapper message) {
        return new Handle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isDone() {
                return true;
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
}
