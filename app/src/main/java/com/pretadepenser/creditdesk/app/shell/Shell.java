package com.pretadepenser.creditdesk.app.shell;

import com.pretadepenser.creditdesk.app.client.LoadedClient;
import com.pretadepenser.creditdesk.app.common.BackgroundTask;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.TaskExecutor;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import com.pretadepenser.creditdesk.engine.scoring.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What the main window shares with the screens inside it: the open workspace and the client on
 * screen, background work with the status line, and the error line. The screens' ViewModels take
 * this, not the main window's ViewModel, so the main window can hold them without a cycle.
 */
public interface Shell {
    I18n i18n();

    TaskExecutor executor();

    ReadOnlyObjectProperty<Workspace> workspaceProperty();

    ReadOnlyObjectProperty<LoadedClient> clientProperty();

    /** Loads what the officer typed: a client id, checked before any engine work; false (with the error line set) when refused. */
    boolean load(String typed);

    /** Scores an application row through the same path as a dataset client: a what-if edit or a new application. */
    BackgroundTask<LoadedClient> rescore(int id, Application application);

    /** Runs a task the status bar shows: its title and progress while it runs, its failure as the error line. */
    <T> void run(BackgroundTask<T> task);

    /** A message on the status line (a task's outcome). */
    void showStatus(String text);

    ReadOnlyStringProperty errorProperty();

    void clearError();
}
