package com.pretadepenser.creditdesk.app.workspace;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the workspace and scores the first client while JavaFX starts and the window is built:
 * the two take about as long as each other, so starting both at launch halves the wait for the
 * first client. The app then takes the result instead of opening again.
 */
public final class Preloader {
    private static volatile Preload started;

    /** What is being opened, and the opening itself. */
    public record Preload(Path data, Path model, CompletableFuture<Workspace> workspace) {
    }

    private Preloader() {
    }

    /** Starts opening on a daemon thread and warms the feature caches with the first client. */
    public static void start(Path data, Path model, Integer firstClient) {
        CompletableFuture<Workspace> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Workspace workspace = Workspace.open(data, model, com.pretadepenser.creditdesk.engine.ProgressMonitor.NONE);
                com.pretadepenser.creditdesk.app.common.StartTrace.mark("workspace opened");
                int first = firstClient != null && workspace.scorer().knows(firstClient) ? firstClient : workspace.firstClient();
                var scored = workspace.scorer().score(first);
                workspace.explainer().explain(scored, java.util.Locale.ENGLISH);
                workspace.scorer().application(first);
                workspace.scorer().history().summary(first);
                com.pretadepenser.creditdesk.app.common.StartTrace.mark("first client scored and explained");
                future.complete(workspace);
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "creditdesk-preload");
        thread.setDaemon(true);
        thread.start();
        started = new Preload(data.toAbsolutePath().normalize(), model.toAbsolutePath().normalize(), future);
    }

    /** The opening started for these folders, taken once; empty when none was started for them. */
    public static synchronized java.util.Optional<CompletableFuture<Workspace>> take(Path data, Path model) {
        Preload preload = started;
        if (preload == null || !preload.data().equals(data.toAbsolutePath().normalize())
                || !preload.model().equals(model.toAbsolutePath().normalize())) {
            return java.util.Optional.empty();
        }
        started = null;
        return java.util.Optional.of(preload.workspace());
    }
}
