package com.pretadepenser.creditdesk.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.app.DemoWorkspace;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    @Test
    void showingAWorkspaceLoadsTheRequestedClientAndItsPeers() {
        MainViewModel model = DemoWorkspace.mainViewModel(Locale.ENGLISH);

        assertEquals(DemoWorkspace.REFUSED_CLIENT, model.clientProperty().get().id());
        assertEquals(DemoWorkspace.get().peers(), model.peersProperty().get());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void typedIdLoadsTheClientWithTheEnginesScore() {
        MainViewModel model = DemoWorkspace.mainViewModel(Locale.ENGLISH);

        assertTrue(model.load(" " + DemoWorkspace.GRANTED_CLIENT + " "));

        var shown = model.clientProperty().get();
        assertEquals(DemoWorkspace.GRANTED_CLIENT, shown.id());
        assertEquals(DemoWorkspace.get().scorer().score(DemoWorkspace.GRANTED_CLIENT).score().probability(), shown.probability(), 0);
        assertEquals(Decision.GRANTED, shown.explanation().score().decision());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void malformedIdIsRefusedWithAMessageAndTheClientStays() {
        MainViewModel model = DemoWorkspace.mainViewModel(Locale.ENGLISH);

        assertFalse(model.load("12ab"));

        assertEquals("\u201c12ab\u201d is not a client ID: type digits only, e.g. 100002.", model.errorProperty().get());
        assertEquals(DemoWorkspace.REFUSED_CLIENT, model.clientProperty().get().id());
    }

    @Test
    void unknownIdMessageNamesTheIdAndTheDataset() {
        MainViewModel model = DemoWorkspace.mainViewModel(Locale.FRENCH);

        assertFalse(model.load("999999999"));

        assertTrue(model.errorProperty().get().startsWith("Aucun client 999999999 dans le jeu \u00ab\u00a0demo\u00a0\u00bb"),
                model.errorProperty().get());
    }

    @Test
    void emptyIdAsksForOne() {
        MainViewModel model = DemoWorkspace.mainViewModel(Locale.ENGLISH);

        assertFalse(model.load("  "));

        assertEquals("Type a client ID (SK_ID_CURR), e.g. 100002.", model.errorProperty().get());
    }

    @Test
    void recentClientsAreMostRecentFirstWithoutRepeatsAndRemembered() {
        MainViewModel model = DemoWorkspace.mainViewModel(Locale.ENGLISH);

        int a = DemoWorkspace.GRANTED_CLIENT;
        int b = DemoWorkspace.NEAR_THRESHOLD_CLIENT;
        model.load(a);
        model.load(b);
        model.load(a);

        assertEquals(List.of(a, b, DemoWorkspace.REFUSED_CLIENT), model.recentClients());
        assertEquals(List.of(a, b, DemoWorkspace.REFUSED_CLIENT), model.settings().recentClients());
    }

    @Test
    void switchingLanguageReexplainsTheClientWithoutRescoring() {
        MainViewModel model = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        var before = model.clientProperty().get();
        assertTrue(before.explanation().summary().startsWith("The application is refused"), before.explanation().summary());

        model.i18n().setLocale(Locale.FRENCH);

        var after = model.clientProperty().get();
        assertTrue(after.explanation().summary().startsWith("La demande est refus\u00e9e"), after.explanation().summary());
        assertEquals(before.scored(), after.scored());
    }

    @Test
    void exportScoresEveryClientWithReasonsAndSaysHowMany(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        MainViewModel model = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        java.nio.file.Path out = dir.resolve("scores.csv");

        model.exportScores(out);

        List<String> lines = java.nio.file.Files.readAllLines(out);
        assertEquals(23_170 + 1, lines.size());
        assertEquals("SK_ID_CURR,SET,PROBABILITY,DECISION,REASON_1,REASON_2,REASON_3", lines.get(0));
        long refused = lines.stream().filter(l -> l.contains(",REFUSED")).count();
        assertEquals("23,170 clients scored into scores.csv: " + String.format(Locale.ENGLISH, "%,d", 23_170 - refused) + " granted, "
                + String.format(Locale.ENGLISH, "%,d", refused) + " refused.", model.statusProperty().get());
        assertFalse(model.busyProperty().get());
    }

    private static MainViewModel queued(com.pretadepenser.creditdesk.app.common.QueuedExecutor executor, Locale locale) throws Exception {
        MainViewModel model = new MainViewModel(executor, new com.pretadepenser.creditdesk.app.common.I18n(locale),
                new com.pretadepenser.creditdesk.app.common.AppSettings(java.nio.file.Files.createTempDirectory("creditdesk-settings")));
        model.show(DemoWorkspace.get(), DemoWorkspace.REFUSED_CLIENT);
        executor.finishOldestFirst();
        return model;
    }

    @Test
    void aLateResultNeverReplacesTheClientAskedForLast() throws Exception {
        var executor = new com.pretadepenser.creditdesk.app.common.QueuedExecutor();
        MainViewModel model = queued(executor, Locale.ENGLISH);

        model.load(DemoWorkspace.GRANTED_CLIENT);
        model.load(DemoWorkspace.NEAR_THRESHOLD_CLIENT);
        assertTrue(model.busyProperty().get(), "two loads under way");
        executor.finishNewestFirst();

        assertEquals(DemoWorkspace.NEAR_THRESHOLD_CLIENT, model.clientProperty().get().id());
        assertEquals(List.of(DemoWorkspace.NEAR_THRESHOLD_CLIENT, DemoWorkspace.REFUSED_CLIENT), model.recentClients());
        assertFalse(model.busyProperty().get(), "the bar goes once both have ended");
    }

    @Test
    void cancelStopsWhatTheOfficerStartedButNotThePeerIndex() throws Exception {
        var executor = new com.pretadepenser.creditdesk.app.common.QueuedExecutor();
        MainViewModel model = queued(executor, Locale.ENGLISH);
        var i18n = model.i18n();

        model.show(DemoWorkspace.get(), DemoWorkspace.GRANTED_CLIENT);
        assertTrue(model.cancellableProperty().get(), "the client's loading can be cancelled");
        model.cancel();
        executor.finishOldestFirst();

        assertEquals(List.of(i18n.get("status.loading", DemoWorkspace.GRANTED_CLIENT)), executor.cancelled(),
                "Cancel stopped the loading, not the peer index");
        assertEquals(DemoWorkspace.get().peers(), model.peersProperty().get(), "the peer groups stay available");
        assertFalse(model.busyProperty().get());
        assertFalse(model.cancellableProperty().get());
    }

    @Test
    void theViewIsAskedToTellWhenTheFirstClientIsDrawnAndThePeerIndexFollows() throws Exception {
        var executor = new com.pretadepenser.creditdesk.app.common.QueuedExecutor();
        MainViewModel model = new MainViewModel(executor, new com.pretadepenser.creditdesk.app.common.I18n(Locale.ENGLISH),
                new com.pretadepenser.creditdesk.app.common.AppSettings(java.nio.file.Files.createTempDirectory("creditdesk-settings")));
        List<Integer> onScreenWhenAsked = new java.util.ArrayList<>();
        List<Runnable> held = new java.util.ArrayList<>();
        model.afterDrawn(drawn -> {
            onScreenWhenAsked.add(model.clientProperty().get() == null ? null : model.clientProperty().get().id());
            held.add(drawn);
        });

        model.show(DemoWorkspace.get(), DemoWorkspace.GRANTED_CLIENT);
        executor.finishOldestFirst(); // the client's load, then the index (which waits for "drawn" 3 s at most)

        assertEquals(List.of(DemoWorkspace.GRANTED_CLIENT), onScreenWhenAsked, "asked once, with the client already set");
        assertEquals(DemoWorkspace.get().peers(), model.peersProperty().get(), "the index is built even if the view never tells");
        held.forEach(Runnable::run); // a late "drawn" is harmless
        held.clear();
        model.load(DemoWorkspace.REFUSED_CLIENT);
        executor.finishOldestFirst();
        assertEquals(List.of(DemoWorkspace.GRANTED_CLIENT), onScreenWhenAsked, "only the first client is waited for");
    }

    @Test
    void thePeerIndexBuildShowsItsProgressInTheStatusBarAndIsCancelledWhenAnotherWorkspaceReplacesIt() throws Exception {
        var executor = new com.pretadepenser.creditdesk.app.common.QueuedExecutor();
        MainViewModel model = queued(executor, Locale.ENGLISH);
        Workspace fresh = Workspace.open(DemoWorkspace.get().dataFolder(), DemoWorkspace.get().modelFolder(),
                com.pretadepenser.creditdesk.engine.ProgressMonitor.NONE);
        try {
            List<Double> shown = new java.util.ArrayList<>();
            List<Boolean> cancelButton = new java.util.ArrayList<>();
            model.progressProperty().addListener((obs, old, now) -> {
                if (model.busyProperty().get()) {
                    shown.add(now.doubleValue());
                    cancelButton.add(model.cancellableProperty().get());
                }
            });
            model.show(fresh, DemoWorkspace.REFUSED_CLIENT);
            executor.finishOldestFirst();

            assertTrue(shown.contains(1.0), "the bar reached the end of the peer index: " + shown);
            assertEquals(fresh.peers(), model.peersProperty().get());
            assertEquals(model.i18n().get("status.loaded", DemoWorkspace.REFUSED_CLIENT), model.statusProperty().get(),
                    "the peer index leaves the status line to the client's loading");
            assertFalse(model.busyProperty().get(), "the bar goes once the index is built");

            Workspace again = Workspace.open(DemoWorkspace.get().dataFolder(), DemoWorkspace.get().modelFolder(),
                    com.pretadepenser.creditdesk.engine.ProgressMonitor.NONE);
            try {
                model.show(again, DemoWorkspace.REFUSED_CLIENT);
                model.show(DemoWorkspace.get(), DemoWorkspace.REFUSED_CLIENT);
                assertEquals(List.of(model.i18n().get("status.peers")), executor.cancelled(),
                        "the index of the workspace replaced before it was built");
                executor.finishOldestFirst();
                assertEquals(DemoWorkspace.get().peers(), model.peersProperty().get());
            } finally {
                again.close();
            }
        } finally {
            fresh.close();
        }
    }

    @Test
    void aQuickBackAndForthOfLanguagesEndsInTheLastOne() throws Exception {
        var executor = new com.pretadepenser.creditdesk.app.common.QueuedExecutor();
        MainViewModel model = queued(executor, Locale.ENGLISH);

        model.i18n().setLocale(Locale.FRENCH);
        model.i18n().setLocale(Locale.ENGLISH);
        executor.finishNewestFirst();

        assertTrue(model.clientProperty().get().explanation().summary().startsWith("The application is refused"),
                model.clientProperty().get().explanation().summary());
    }

    @Test
    void openingAFolderThatIsNotADatasetOrModelSaysWhatToDo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        MainViewModel model = DemoWorkspace.mainViewModel(Locale.ENGLISH);
        java.nio.file.Path csv = java.nio.file.Files.createDirectories(dir.resolve("kaggle"));
        java.nio.file.Files.writeString(csv.resolve("application_train.csv"), "SK_ID_CURR,TARGET\n1,0\n");
        var demoModel = DemoWorkspace.get().modelFolder();

        model.openChecked(csv, demoModel);
        assertTrue(model.errorProperty().get().startsWith(csv + " holds Kaggle CSV files, not an imported dataset. Import it first:"),
                model.errorProperty().get());

        model.openChecked(dir, demoModel);
        assertTrue(model.errorProperty().get().startsWith(dir + " is not a CreditDesk dataset"), model.errorProperty().get());

        model.openChecked(DemoWorkspace.get().dataFolder(), dir);
        assertTrue(model.errorProperty().get().startsWith(dir + " is not a model folder"), model.errorProperty().get());
        assertEquals(DemoWorkspace.get(), model.workspaceProperty().get(), "the workspace on screen stays");
        assertEquals("SK_ID_CURR,TARGET\n1,0\n", java.nio.file.Files.readString(csv.resolve("application_train.csv")), "the user's file untouched");
    }
}
