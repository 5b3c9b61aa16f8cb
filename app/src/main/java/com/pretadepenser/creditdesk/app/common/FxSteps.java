package com.pretadepenser.creditdesk.app.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/** Drives the FX thread from a helper thread: run an action there, wait for a state, wait for the next rendered pulse. */
public final class FxSteps {
    private FxSteps() {
    }

    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    public static <T> T call(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }

    /** Waits until the condition, checked on the FX thread, holds; fails after the timeout. */
    public static void await(BooleanSupplier condition, long timeoutMillis, String what) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!call(condition::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            sleep(10);
        }
    }

    /** Returns once the scene has laid out and rendered a pulse after this call. */
    public static void nextPulse(Scene scene) {
        CountDownLatch rendered = new CountDownLatch(1);
        Platform.runLater(() -> afterPulses(scene, 1, rendered::countDown));
        try {
            if (!rendered.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no pulse within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * On the FX thread: runs {@code done} after the scene's next {@code pulses} layout pulses
     * (asking for each). After two, the state of the call is drawn: JavaFX starts a pulse only
     * once the renderer has finished the frame before.
     */
    public static void afterPulses(Scene scene, int pulses, Runnable done) {
        int[] seen = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (++seen[0] == pulses) {
                scene.removePostLayoutPulseListener(listener[0]);
                done.run();
            } else {
                Platform.requestNextPulse();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
