package com.pretadepenser.creditdesk.app.main;

import com.pretadepenser.creditdesk.app.shell.Shell;
import com.pretadepenser.creditdesk.app.client.LoadedClient;
import com.pretadepenser.creditdesk.app.common.AppSettings;
import com.pretadepenser.creditdesk.app.common.BackgroundTask;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.common.TaskExecutor;
import com.pretadepenser.creditdesk.app.common.UserMessages;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.batch.ScoreExport;
import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.scoring.Application;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state every screen shares: the open workspace, the client on screen, the peer index once
 * built, recent clients, and the status line with the running task's progress. All engine work
 * goes through the {@link TaskExecutor}; results land here on the FX thread.
 */
public final class MainViewModel implements Shell {
    private final TaskExecutor executor;
    private final I18n i18n;
    private final AppSettings settings;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PeerIndex> peers = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LoadedClient> client = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Integer> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(false);
    /** Tasks the status bar shows and Cancel stops. */
    private final java.util.List<TaskExecutor.Handle> running = new java.util.ArrayList<>();
    /** Tasks the status bar's progress shows once they report, but Cancel leaves alone (the peer index). */
    private final java.util.List<TaskExecutor.Handle> shownOnly = new java.util.ArrayList<>();
    private double shownOnlyProgress;
    /** The peer index being built for the workspace on screen: cancelled when another replaces it. */
    private TaskExecutor.Handle peersBuild;
    private long loads;
    private final com.pretadepenser.creditdesk.app.record.DecisionBook decisions;

    public MainViewModel(TaskExecutor executor, I18n i18n, AppSettings settings) {
        this.executor = executor;
        this.i18n = i18n;
        this.settings = settings;
        recent.setAll(settings.recentClients());
        i18n.localeProperty().addListener((obs, old, now) -> reexplain(now));
        // The decision log is checked at each start: a broken chain or a torn line set aside is shown until fixed.
        decisions = new com.pretadepenser.creditdesk.app.record.DecisionBook(settings.decisionLog(), i18n);
        run(decisions.load());
    }

    /** The officer's decisions on record. */
    public com.pretadepenser.creditdesk.app.record.DecisionBook decisions() {
        return decisions;
    }

    /**
     * Writes the client report (PDF) of the client on screen to {@code out}, in the current
     * language, off the FX thread: with the client among all clients once the peer index is built,
     * and the decision's record when it is on record.
     */
    public void writeReport(Path out) {
        Workspace current = workspace.get();
        LoadedClient shown = client.get();
        if (current == null || shown == null) {
            error.set(i18n.get("report.noClient"));
            return;
        }
        PeerIndex index = peers.get();
        Locale locale = i18n.locale();
        run(BackgroundTask.of(i18n.get("report.writing", shown.id()), progress -> {
            var content = com.pretadepenser.creditdesk.engine.report.ClientReport.contentFor(current.model(), current.scorer(), index,
                    settings.decisionLog(), shown.id(), current.synthetic(), locale);
            com.pretadepenser.creditdesk.engine.report.ClientReport.write(content, out);
            return content;
        }).onSuccess(content -> status.set(i18n.get("report.written", shown.id(), out))));
    }

    /** A message on the status line (a task's outcome). */
    @Override
    public void showStatus(String text) {
        status.set(text);
    }

    @Override
    public I18n i18n() {
        return i18n;
    }

    @Override
    public TaskExecutor executor() {
        return executor;
    }

    /** Opens a dataset and model; on success shows {@code firstClient} (or the dataset's first) and builds the peer index. */
    public void open(Path data, Path model, Integer firstClient) {
        Workspace previous = workspace.get();
        var preloaded = com.pretadepenser.creditdesk.app.workspace.Preloader.take(data, model);
        BackgroundTask<Workspace> task = BackgroundTask.of(i18n.get("status.opening", data.getFileName()), progress -> {
            Workspace opened = preloaded.isPresent() ? com.pretadepenser.creditdesk.app.common.Futures.join(preloaded.get()) : Workspace.open(data, model, progress);
            if (progress.isCancelled()) {
                // cancelled while opening: the result is dropped, so it must not keep its native memory
                opened.close();
                throw new java.util.concurrent.CancellationException("opening cancelled");
            }
            return opened;
        });
        run(task.onSuccess(opened -> {
            show(opened, firstClient);
            if (previous != null && previous != opened) {
                previous.close();
            }
        }));
    }

    /**
     * How long the peer index waits for the first client to be drawn before it starts
     * anyway: on two cores, building it beside the first client's explanation and drawing delayed
     * that client (a third of the start's samples, docs/installers.md).
     */
    static final long PEERS_WAIT_MILLIS = 3_000;
    /** Counted down once the opened workspace's first client is drawn: the peer index waits for it. */
    private volatile java.util.concurrent.CountDownLatch firstClientShown = new java.util.concurrent.CountDownLatch(0);
    /** Runs its argument once what is on screen now has been drawn; at once where nothing draws (no view, tests). */
    private java.util.function.Consumer<Runnable> afterDrawn = Runnable::run;

    /**
     * How the view tells when the client just set is drawn (its scene's next frames): the peer
     * index starts then, not while the first client is still being laid out and drawn.
     */
    public void afterDrawn(java.util.function.Consumer<Runnable> hook) {
        afterDrawn = java.util.Objects.requireNonNull(hook, "hook");
    }

    /** Shows an opened workspace: its first client at once, then its peer groups once built. */
    public void show(Workspace opened, Integer firstClient) {
        java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
        if (peersBuild != null && !peersBuild.isDone()) {
            // the index of the workspace leaving the screen is no longer wanted (its workspace builds it again if asked):
            // cancelled, and no longer kept waiting for a first client that will not come
            peersBuild.cancel();
            firstClientShown.countDown();
        }
        firstClientShown = shown;
        workspace.set(opened);
        peers.set(null);
        client.set(null);
        settings.setFolder("data", opened.dataFolder());
        settings.setFolder("model", opened.modelFolder());
        status.set(i18n.get("status.opened", opened.clientCount(), opened.dataFolder().getFileName(), opened.modelFolder().getFileName()));
        int start = firstClient != null && opened.scorer().knows(firstClient) ? firstClient : opened.firstClient();
        load(start);
        buildPeers(opened, shown);
    }

    /**
     * Opens what the user chose in a folder dialog, after checking that each folder is what it
     * should be: a folder of CSV files is refused with the command that imports it.
     */
    public void openChecked(Path data, Path model) {
        if (!java.nio.file.Files.isRegularFile(data.resolve(com.pretadepenser.creditdesk.engine.data.LocalDataset.MANIFEST))) {
            boolean csv = java.nio.file.Files.isRegularFile(data.resolve("application_train.csv"))
                    || java.nio.file.Files.isRegularFile(data.resolve("application_test.csv"));
            error.set(csv ? i18n.get("error.csvFolder", data) : i18n.get("error.notDataset", data));
            return;
        }
        if (!java.nio.file.Files.isRegularFile(model.resolve(com.pretadepenser.creditdesk.engine.model.ModelArtifact.CARD_FILE))) {
            error.set(i18n.get("error.notModel", model));
            return;
        }
        LoadedClient shown = client.get();
        open(data, model, shown == null ? null : shown.id());
    }

    /**
     * Builds the peer index, its progress in the status bar like other long work; not stopped by
     * Cancel (the officer cancels what they started; the peer screens, the report and the what-if
     * need the index), only when another workspace replaces this one.
     */
    private void buildPeers(Workspace opened, java.util.concurrent.CountDownLatch shown) {
        peersBuild = showOnly(BackgroundTask.of(i18n.get("status.peers"), progress -> {
            try {
                shown.await(PEERS_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("peer index cancelled");
            }
            progress.checkCancelled("peer index");
            return opened.peers(progress);
        })
                .onSuccess(index -> {
                    if (workspace.get() == opened) {
                        peers.set(index);
                    }
                })
                .onFailure(e -> {
                    if (workspace.get() == opened) {
                        error.set(i18n.get("error.peers", UserMessages.of(e, i18n)));
                    }
                }));
    }

    /**
     * Scores every client of the workspace into a CSV file (replacing it: the save dialog asked),
     * with progress in the status bar and the reasons in the current language; cancellable, and a
     * cancelled export leaves no file.
     */
    public void exportScores(Path out) {
        Workspace current = workspace.get();
        if (current == null) {
            error.set(i18n.get("error.noWorkspace"));
            return;
        }
        Locale locale = i18n.locale();
        run(BackgroundTask.of(i18n.get("status.exporting", out.getFileName()), progress -> {
            ScoreExport export = new ScoreExport(current.model(), current.data(), current.scorer().history());
            return export.write(out, true, locale, new ProgressMonitor() {
                @Override
                public void progress(long done, long total, String message) {
                    progress.progress(total == 0 ? 1 : done, total == 0 ? 1 : total, i18n.get("status.exportProgress", done, total));
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            });
        }).onSuccess(summary -> status.set(i18n.get("status.exported", summary.total(), out.getFileName(), summary.granted(), summary.refused()))));
    }

    /** Loads what the officer typed: a client id, checked before any engine work. */
    @Override
    public boolean load(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (workspace.get() == null) {
            error.set(i18n.get("error.noWorkspace"));
            return false;
        }
        if (!text.matches("\\d{1,9}")) {
            error.set(text.isEmpty() ? i18n.get("error.emptyId") : i18n.get("error.malformedId", text));
            return false;
        }
        int id = Integer.parseInt(text);
        if (!workspace.get().scorer().knows(id)) {
            error.set(i18n.get("error.unknownClient", id, workspace.get().dataFolder().getFileName()));
            return false;
        }
        load(id);
        return true;
    }

    public void load(int id) {
        Workspace current = workspace.get();
        Locale locale = i18n.locale();
        long mine = ++loads;
        run(BackgroundTask.of(i18n.get("status.loading", id), progress -> {
            ClientScorer scorer = current.scorer();
            ClientScorer.ScoredClient scored = scorer.score(id);
            Explanation explanation = current.explainer().explain(scored, locale);
            return new LoadedClient(id, scorer.application(id), scored, explanation, scorer.outcome(id), scorer.history().summary(id));
        }).onSuccess(loaded -> {
            if (mine != loads || workspace.get() != current) {
                return; // a later request, or another workspace, has taken the screen
            }
            error.set("");
            client.set(loaded);
            com.pretadepenser.creditdesk.app.common.StartTrace.mark("client " + id + " on screen");
            java.util.concurrent.CountDownLatch shown = firstClientShown;
            if (shown.getCount() > 0) {
                afterDrawn.accept(shown::countDown);
            }
            if (!locale.equals(i18n.locale())) {
                // the language changed while the client was loading
                reexplain(i18n.locale());
            }
            remember(id);
            status.set(i18n.get("status.loaded", id));
        }));
    }

    /** Scores an application row through the same path as a dataset client: a what-if edit or a new application. */
    @Override
    public BackgroundTask<LoadedClient> rescore(int id, Application application) {
        Workspace current = workspace.get();
        Locale locale = i18n.locale();
        return BackgroundTask.of(i18n.get("status.rescoring"), progress -> {
            ClientScorer.ScoredClient scored = current.scorer().score(application);
            Explanation explanation = current.explainer().explain(scored, locale);
            boolean known = current.scorer().knows(id);
            return new LoadedClient(id, application, scored, explanation,
                    java.util.Optional.empty(), known ? current.scorer().history().summary(id)
                    : com.pretadepenser.creditdesk.engine.features.HistorySummary.NONE);
        });
    }

    /** The client's explanation again in another language: no rescoring, and off the FX thread like all engine work. */
    private void reexplain(Locale locale) {
        LoadedClient shown = client.get();
        Workspace current = workspace.get();
        if (shown == null || current == null) {
            return;
        }
        executor.execute(BackgroundTask.of(i18n.get("status.loaded", shown.id()), progress -> current.explainer().explain(shown.scored(), locale))
                .onSuccess(explanation -> {
                    LoadedClient now = client.get();
                    if (now != null && now.id() == shown.id() && now.scored() == shown.scored() && locale.equals(i18n.locale())) {
                        client.set(new LoadedClient(now.id(), now.application(), now.scored(), explanation, now.outcome(), now.history()));
                    }
                }));
    }

    private void remember(int id) {
        List<Integer> updated = new ArrayList<>(recent);
        updated.remove(Integer.valueOf(id));
        updated.add(0, id);
        while (updated.size() > AppSettings.RECENT_LIMIT) {
            updated.remove(updated.size() - 1);
        }
        recent.setAll(updated);
        settings.setRecentClients(updated);
    }

    /**
     * Runs a task the status bar shows: its title and progress while it runs, its failure as the
     * error line. Several may run at once (a client loads during an export); the bar stays until
     * the last ends, and Cancel stops them all.
     */
    @Override
    public <T> void run(BackgroundTask<T> task) {
        busy.set(true);
        status.set(task.title());
        progress.set(-1);
        TaskExecutor.Handle[] self = new TaskExecutor.Handle[1];
        task.onDone(() -> {
            running.remove(self[0]);
            if (running.isEmpty()) {
                status.set("");
            }
            refreshBusy();
        }).onFailure(e -> {
            error.set(e instanceof java.util.concurrent.CancellationException ? i18n.get("status.cancelled") : UserMessages.of(e, i18n));
        }).onCancelled(() -> status.set(i18n.get("status.cancelled")));
        TaskExecutor.Handle handle = executor.execute(task);
        self[0] = handle;
        if (!handle.isDone()) {
            running.add(handle);
            cancellable.set(true);
            handle.progressProperty().addListener((obs, old, now) -> progress.set(now.doubleValue()));
            handle.messageProperty().addListener((obs, old, now) -> {
                if (!handle.isDone() && now != null && !now.isBlank()) {
                    status.set(now);
                }
            });
        }
    }

    /**
     * Runs a task whose progress the status bar shows once it reports (not its title: the status
     * line keeps what it says), which Cancel does not stop; the returned handle does.
     */
    private <T> TaskExecutor.Handle showOnly(BackgroundTask<T> task) {
        TaskExecutor.Handle[] self = new TaskExecutor.Handle[1];
        task.onDone(() -> {
            shownOnly.remove(self[0]);
            refreshBusy();
        });
        TaskExecutor.Handle handle = executor.execute(task);
        self[0] = handle;
        if (!handle.isDone()) {
            handle.progressProperty().addListener((obs, old, now) -> {
                if (handle.isDone() || now.doubleValue() < 0) {
                    return;
                }
                shownOnlyProgress = now.doubleValue();
                if (!shownOnly.contains(handle)) {
                    shownOnly.add(handle);
                    busy.set(true);
                }
                if (running.isEmpty()) {
                    progress.set(shownOnlyProgress);
                }
            });
        }
        return handle;
    }

    /** The bar shows while any task runs; Cancel, while one it stops does; the progress is the latest task's. */
    private void refreshBusy() {
        busy.set(!running.isEmpty() || !shownOnly.isEmpty());
        cancellable.set(!running.isEmpty());
        if (running.isEmpty()) {
            progress.set(shownOnly.isEmpty() ? 0 : shownOnlyProgress);
        }
    }

    public void cancel() {
        java.util.List.copyOf(running).forEach(TaskExecutor.Handle::cancel);
    }

    @Override
    public void clearError() {
        error.set("");
    }

    @Override
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PeerIndex> peersProperty() {
        return peers.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<LoadedClient> clientProperty() {
        return client.getReadOnlyProperty();
    }

    public ObservableList<Integer> recentClients() {
        return FXCollections.unmodifiableObservableList(recent);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while a task that Cancel stops runs. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public AppSettings settings() {
        return settings;
    }
}
