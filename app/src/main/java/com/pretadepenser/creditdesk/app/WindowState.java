package com.pretadepenser.creditdesk.app;

import com.pretadepenser.creditdesk.app.common.AppSettings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the window back where it was, if that place is still on a screen. */
final class WindowState {
    private WindowState() {
    }

    static void restore(Stage stage, AppSettings settings) {
        settings.windowBounds().ifPresent(b -> {
            boolean visible = Screen.getScreens().stream().map(Screen::getVisualBounds)
                    .anyMatch(screen -> screen.intersects(new Rectangle2D(b[0], b[1], b[2], b[3])));
            if (visible) {
                stage.setX(b[0]);
                stage.setY(b[1]);
                stage.setWidth(b[2]);
                stage.setHeight(b[3]);
            }
        });
        stage.setMaximized(settings.windowMaximized());
    }

    static void remember(Stage stage, AppSettings settings) {
        settings.setWindowMaximized(stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.setWindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }
}
