package com.pretadepenser.creditdesk.app;

import com.pretadepenser.creditdesk.app.common.FxSteps;
import com.pretadepenser.creditdesk.app.common.ProcessClock;
import com.pretadepenser.creditdesk.app.common.StartTrace;
import com.pretadepenser.creditdesk.app.main.MainView;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * {@code --smoke PNG}: the installed application's self-check. Opens the dataset and model it was
 * given (the shipped demo by default), shows the first client, writes a screenshot of the window
 * to {@code PNG}, prints one line and exits 0; on any failure (no workspace, no client, no
 * screenshot) prints what failed and exits 1. The installer tests run it under Xvfb.
 */
final class SmokeRun {
    static final long TIMEOUT_MILLIS = 120_000;
    private final Stage stage;
    private final MainView view;
    private final MainViewModel model;
    private final Path screenshot;

    SmokeRun(Stage stage, MainView view, MainViewModel model, Path screenshot) {
        this.stage = stage;
        this.view = view;
        this.model = model;
        this.screenshot = screenshot;
    }

    public void start() {
        Thread thread = new Thread(this::run, "smoke");
        thread.setDaemon(true);
        thread.start();
    }

    private boolean hasError() {
        String error = model.errorProperty().get();
        return error != null && !error.isEmpty();
    }

    private void run() {
        int status;
        try {
            FxSteps.await(() -> model.workspaceProperty().get() != null || hasError(), TIMEOUT_MILLIS, "the dataset and model to open");
            if (FxSteps.call(() -> model.workspaceProperty().get()) == null) {
                throw new IllegalStateException("the dataset or model did not open: " + FxSteps.call(() -> model.errorProperty().get()));
            }
            int first = FxSteps.call(() -> model.workspaceProperty().get().sortedIds()[0]);
            if (FxSteps.call(() -> model.clientProperty().get()) == null) {
                FxSteps.run(() -> model.load(first));
            }
            // The client's own load done (a task Cancel would stop); the peer index may still build
            // behind it, as it does for the officer, who already sees the client.
            FxSteps.await(() -> model.clientProperty().get() != null && !model.cancellableProperty().get(), TIMEOUT_MILLIS, "the first client");
            FxSteps.nextPulse(view.getScene());
            StartTrace.mark("first client drawn");
            StartTrace.cpuByThread();
            var client = FxSteps.call(() -> model.clientProperty().get());
            Path data = FxSteps.call(() -> model.workspaceProperty().get().dataFolder());
            long startMillis = ProcessClock.millisSinceStart();
            WritableImage image = FxSteps.call(() -> stage.getScene().snapshot(null));
            Path parent = screenshot.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", screenshot.toFile());
            System.out.printf(Locale.ROOT, "smoke OK: client %d shown %d ms after the process started, probability of default %.3f,"
                    + " data %s, screenshot %s%n", client.id(), startMillis, client.scored().score().probability(),
                    data.toAbsolutePath().normalize(), screenshot.toAbsolutePath());
            status = 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("smoke FAILED: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            status = 1;
        }
        int exit = status;
        Platform.runLater(() -> {
            stage.hide();
            System.exit(exit);
        });
    }
}
