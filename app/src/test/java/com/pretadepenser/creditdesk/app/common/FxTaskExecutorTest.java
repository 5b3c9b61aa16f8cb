package com.pretadepenser.creditdesk.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The engine's monitor as a JavaFX task sees it: progress and message on the FX thread, Cancel polled by the work. */
@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {
    private final FxTaskExecutor executor = new FxTaskExecutor(1);

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    /** A task's properties are read on the FX thread. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theWorksProgressAndMessageReachTheTask() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TaskExecutor.Handle handle = executor.execute(BackgroundTask.of("scoring", progress -> {
            progress.progress(3, 4, "3 of 4 clients");
            release.await(10, TimeUnit.SECONDS);
            return 1;
        }));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> handle.progressProperty().get()) == 0.75);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 of 4 clients", onFx(() -> handle.messageProperty().get()));
        release.countDown();
    }

    @Test
    void aTotalNotKnownMakesTheBarIndeterminate() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TaskExecutor.Handle handle = executor.execute(BackgroundTask.of("opening", progress -> {
            progress.progress(1, 2, "");
            progress.progress(0, 0, "reading");
            release.await(10, TimeUnit.SECONDS);
            return 1;
        }));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "reading".equals(onFx(() -> handle.messageProperty().get())));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, onFx(() -> handle.progressProperty().get()));
        release.countDown();
    }

    @Test
    void cancellingTheTaskIsWhatTheWorkPolls() throws Exception {
        AtomicBoolean sawCancel = new AtomicBoolean();
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        TaskExecutor.Handle handle = executor.execute(BackgroundTask.of("training", progress -> {
            started.countDown();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!progress.isCancelled() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            sawCancel.set(progress.isCancelled());
            progress.checkCancelled("training");
            return 1;
        }).onCancelled(cancelled::countDown));

        assertTrue(started.await(10, TimeUnit.SECONDS));
        handle.cancel();

        assertTrue(cancelled.await(10, TimeUnit.SECONDS), "the task ends as cancelled");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, sawCancel::get);
    }
}
