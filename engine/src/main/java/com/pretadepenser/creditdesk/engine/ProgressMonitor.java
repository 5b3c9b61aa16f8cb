package com.pretadepenser.creditdesk.engine;

import java.util.concurrent.CancellationException;

/**
 * What a long engine task tells its caller and asks of it: work done of a total (in the task's
 * own units: fits, clients, bytes, chunks) with a short message, and whether to stop. The one
 * progress and cancellation shape of the engine: training, scoring export, generation, import and
 * the peer index take it; the command line adapts it to its progress bar and the app to its
 * background task, once each. Called on the worker's thread (for some tasks, one of two).
 */
public interface ProgressMonitor {
    /** For work nobody watches: reports nowhere, never cancelled. */
    ProgressMonitor NONE = (done, total, message) -> { };

    /** {@code done} of {@code total} (total may change as the task learns more; done never goes back). */
    void progress(long done, long total, String message);

    /**
     * Names the stage now under way ("features of 1,000 applicants", "none, fold 2/5"), which the
     * progress messages that follow may detail (the share, the round): for a diagnostic that says
     * what was being done, such as an out-of-memory message. Nothing by default.
     */
    default void phase(String name) {
    }

    /** Polled by the task between units of work; once true, the task stops and leaves nothing half-written. */
    default boolean isCancelled() {
        return false;
    }

    /** Stops the task with a {@link CancellationException} saying {@code what} was cancelled, if asked to. */
    default void checkCancelled(String what) {
        if (isCancelled()) {
            throw new CancellationException(what + " cancelled");
        }
    }

    /**
     * A sub-phase shown as the span [{@code from}, {@code to}] of this monitor's {@code total}: the
     * part's own done/total is mapped into that span, and its message follows {@code prefix} (after
     * ", " when both are there). Cancelling this monitor cancels the part.
     */
    default ProgressMonitor part(long from, long to, long total, String prefix) {
        ProgressMonitor parent = this;
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long partTotal, String message) {
                double share = partTotal <= 0 ? 0 : Math.min(1, done / (double) partTotal);
                String text = prefix == null || prefix.isEmpty() ? message
                        : message == null || message.isEmpty() ? prefix : prefix + ", " + message;
                parent.progress(from + (long) Math.floor((to - from) * share), total, text);
            }

            @Override
            public void phase(String name) {
                parent.phase(prefix == null || prefix.isEmpty() ? name : prefix + ", " + name);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }

    /** The same progress and cancellation with {@code message} in place of the task's own words (a caller with its own texts). */
    default ProgressMonitor withMessage(String message) {
        ProgressMonitor parent = this;
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String ignored) {
                parent.progress(done, total, message);
            }

            @Override
            public void phase(String name) {
                parent.phase(name);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }
}
