package com.pretadepenser.creditdesk.app.devtools;

import com.pretadepenser.creditdesk.app.common.ProcessClock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick of the installed app's start: a bare JavaFX window with one label, from the same
 * runtime and jar. Prints the time from the process start to the window's first rendered pulse,
 * then exits. {@code java -cp creditdesk-app.jar com.pretadepenser.creditdesk.app.devtools.BareWindow}
 * (docs/installers.md compares it with {@code CreditDesk --smoke}).
 */
public final class BareWindow {
    private BareWindow() {
    }

    /** Not in the Application subclass: JavaFX on the class path cannot start from there. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            show(stage);
        }
    }

    static void show(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("CreditDesk")), 1440, 900));
        stage.show();
        Runnable[] pulse = new Runnable[1];
        pulse[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(pulse[0]);
            Platform.runLater(() -> {
                long millis = ProcessClock.millisSinceStart();
                System.out.printf("bare JavaFX window shown %d ms after the process started%n", millis);
                Platform.exit();
            });
        };
        stage.getScene().addPostLayoutPulseListener(pulse[0]);
    }
}
