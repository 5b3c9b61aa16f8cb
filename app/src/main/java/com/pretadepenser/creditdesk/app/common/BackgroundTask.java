package com.pretadepenser.creditdesk.app.common;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Engine work off the FX thread, described once and run by a {@link TaskExecutor}: the work itself
 * (which may report progress and must stop when cancelled) and what to do on success or failure.
 * Callbacks run on the FX thread under {@link FxTaskExecutor}, inline under {@link CurrentThreadExecutor}.
 */
public final class BackgroundTask<T> {
    /**
     * The work: reports progress through, and checks cancellation on, the engine's monitor given
     * (its task's: the status bar shows the share done and a non-blank message). Outside any task,
     * {@link ProgressMonitor#NONE}.
     */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressMonitor progress) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure = error -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onDone = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Adds {@code then} after what was already asked for (each caller's step runs, in the order given). */
    public BackgroundTask<T> onSuccess(Consumer<T> then) {
        Objects.requireNonNull(then);
        Consumer<T> before = this.onSuccess;
        this.onSuccess = value -> {
            before.accept(value);
            then.accept(value);
        };
        return this;
    }

    /** Adds {@code then} after what was already asked for (each caller's step runs, in the order given). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> then) {
        Objects.requireNonNull(then);
        Consumer<Throwable> before = this.onFailure;
        this.onFailure = error -> {
            before.accept(error);
            then.accept(error);
        };
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable then) {
        Objects.requireNonNull(then);
        Runnable before = this.onCancelled;
        this.onCancelled = () -> {
            before.run();
            then.run();
        };
        return this;
    }

    /** Runs first whatever the end: success, failure or cancellation (added after earlier ones, like the others). */
    public BackgroundTask<T> onDone(Runnable then) {
        Objects.requireNonNull(then);
        Runnable before = this.onDone;
        this.onDone = () -> {
            before.run();
            then.run();
        };
        return this;
    }

    public String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    void succeeded(T value) {
        onDone.run();
        onSuccess.accept(value);
    }

    void failed(Throwable error) {
        onDone.run();
        onFailure.accept(error);
    }

    void cancelled() {
        onDone.run();
        onCancelled.run();
    }
}
