package com.pretadepenser.creditdesk.app.devtools;

import com.pretadepenser.creditdesk.app.common.FxSteps;
import com.pretadepenser.creditdesk.app.common.ProcessClock;
import com.pretadepenser.creditdesk.app.main.MainView;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.Arrays;
import java.util.Random;
import javafx.application.Platform;
import javafx.scene.control.TextField;

/**
 * Measures the three screen goals on the open dataset and prints a table: start to first client
 * shown, loading a client to a fully laid-out screen, a what-if edit to an updated gauge. Each
 * time runs from the action on the FX thread to the first rendered pulse after the screen changed.
 */
public final class UiBench {
    public static final int CLIENTS = 200;
    public static final int EDITS = 200;
    private final MainView view;
    private final MainViewModel model;

    private final long windowShown = System.nanoTime();
    private volatile long workspaceOpened;
    private volatile long firstClientSet;

    /** Created right after the window is shown; marks when the workspace opens and the first client arrives. */
    public UiBench(MainView view, MainViewModel model) {
        this.view = view;
        this.model = model;
        model.workspaceProperty().addListener((obs, old, now) -> workspaceOpened = System.nanoTime());
        model.clientProperty().addListener((obs, old, now) -> {
            if (firstClientSet == 0 && now != null) {
                firstClientSet = System.nanoTime();
            }
        });
    }

    public void start() {
        Thread thread = new Thread(this::measure, "ui-bench");
        thread.setDaemon(true);
        thread.start();
    }

    private void measure() {
        int status = 0;
        try {
            FxSteps.await(() -> model.clientProperty().get() != null, 60_000, "first client");
            FxSteps.nextPulse(view.getScene());
            long shown = System.nanoTime();
            double startMillis = ProcessClock.millisSinceStart();
            double toWindow = startMillis - (shown - windowShown) / 1e6;
            FxSteps.await(() -> model.peersProperty().get() != null, 60_000, "peer index");
            int[] ids = model.workspaceProperty().get().sortedIds();
            Random random = new Random(42);
            double[] load = new double[CLIENTS];
            for (int i = 0; i < CLIENTS + 20; i++) {
                int id = ids[random.nextInt(ids.length)];
                long t0 = System.nanoTime();
                FxSteps.run(() -> model.load(id));
                FxSteps.await(() -> model.clientProperty().get().id() == id && !model.busyProperty().get(), 10_000, "client " + id);
                FxSteps.nextPulse(view.getScene());
                if (i >= 20) {
                    load[i - 20] = (System.nanoTime() - t0) / 1e6;
                }
            }
            FxSteps.run(() -> view.tabs().getSelectionModel().select(2));
            FxSteps.nextPulse(view.getScene());
            TextField credit = (TextField) view.lookup("#whatif-AMT_CREDIT");
            double[] edit = new double[EDITS];
            for (int i = 0; i < EDITS + 20; i++) {
                String amount = String.valueOf(100_000 + random.nextInt(900_000));
                var before = FxSteps.call(() -> view.whatIf().editedProperty().get());
                long t0 = System.nanoTime();
                FxSteps.run(() -> credit.setText(amount));
                FxSteps.await(() -> view.whatIf().editedProperty().get() != before, 10_000, "what-if rescoring");
                FxSteps.nextPulse(view.getScene());
                if (i >= 20) {
                    edit[i - 20] = (System.nanoTime() - t0) / 1e6;
                }
            }
            System.out.printf("%-44s %8s %8s %8s %8s %8s%n", "measure (ms)", "n", "median", "p90", "p99", "goal");
            System.out.printf("%-44s %8d %8.0f %8s %8s %8s%n", "start to first client shown", 1, startMillis, "", "", "3000");
            System.out.printf("%-44s %8d %8.0f%n", "  of which: JVM and JavaFX start, window shown", 1, toWindow);
            System.out.printf("%-44s %8d %8.0f%n", "  of which: open dataset and model", 1, (workspaceOpened - windowShown) / 1e6);
            System.out.printf("%-44s %8d %8.0f%n", "  of which: score and explain the client", 1, (firstClientSet - workspaceOpened) / 1e6);
            System.out.printf("%-44s %8d %8.0f%n", "  of which: lay out and draw", 1, (shown - firstClientSet) / 1e6);
            row("load a client to the updated screen", load, "150");
            row("what-if edit to the updated gauge", edit, "100");
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        int exit = status;
        Platform.runLater(() -> {
            view.getScene().getWindow().hide();
            System.exit(exit);
        });
    }

    private static void row(String name, double[] millis, String goal) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%-44s %8d %8.1f %8.1f %8.1f %8s%n", name, sorted.length, Statistics.nearestRankOfSorted(sorted, 0.5),
                Statistics.nearestRankOfSorted(sorted, 0.9), Statistics.nearestRankOfSorted(sorted, 0.99), goal);
    }
}
