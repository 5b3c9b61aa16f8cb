package com.pretadepenser.creditdesk.app.common;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** Runs background tasks; the app uses {@link FxTaskExecutor}, ViewModel tests {@link CurrentThreadExecutor}. */
public interface TaskExecutor {
    /** Starts the task; the handle cancels it and shows its progress. */
    <T> Handle execute(BackgroundTask<T> task);

    /** A running task. */
    interface Handle {
        void cancel();

        boolean isDone();

        ReadOnlyDoubleProperty progressProperty();

        ReadOnlyStringProperty messageProperty();
    }
}
