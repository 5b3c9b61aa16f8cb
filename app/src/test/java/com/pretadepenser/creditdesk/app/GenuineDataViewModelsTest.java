package com.pretadepenser.creditdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pretadepenser.creditdesk.app.common.AppSettings;
import com.pretadepenser.creditdesk.app.common.CurrentThreadExecutor;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.decision.DecisionViewModel;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.app.modelcard.ModelCardViewModel;
import com.pretadepenser.creditdesk.app.peers.PeersViewModel;
import com.pretadepenser.creditdesk.app.whatif.WhatIfViewModel;
import com.pretadepenser.creditdesk.cli.CreditDeskCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's ViewModels on the genuine Home Credit sample ({@code ../shared/realdata}),
 * imported and trained on by the command line into a temporary folder: the officer's screens open
 * it, show clients with and without credit history in words, compare peers, rescore a what-if and
 * show the model page. Training here skips the settings search ({@code --tune off}) to spare CI a
 * minute and a half; the engine's GenuineDataPathTest trains with every default.
 */
class GenuineDataViewModelsTest {
    private static final Pattern COLUMN_NAME = Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");
    /** SK_ID_CURR 100002: a refused applicant with bureau, previous applications and instalments. */
    private static final int WITH_HISTORY = 100002;

    @TempDir
    static Path dir;
    private static String absent;
    private static Path dataset;
    private static Path model;
    private static int withoutHistory;

    @BeforeAll
    static void importAndTrain() throws Exception {
        Path realdata = realdata();
        if (realdata == null) {
            absent = "genuine sample absent (../shared/realdata): the dashboard is not checked on genuine rows";
            return;
        }
        dataset = dir.resolve("ds");
        model = dir.resolve("model");
        assertEquals(0, CreditDeskCli.run("import", "--from", realdata.toString(), "--to", dataset.toString()));
        assertEquals(0, CreditDeskCli.run("train", "--data", dataset.toString(), "--out", model.toString(), "--tune", "off"));
        // The sample's previous applications stop at client 100998 and its bureau at 101155: 108000 has no history.
        withoutHistory = 108_000;
    }

    private static Path realdata() {
        String override = System.getProperty("creditdesk.realdata");
        if (override != null) {
            return Path.of(override);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("realdata");
            if (Files.isRegularFile(candidate.resolve("application_train.csv"))) {
                return candidate;
            }
        }
        return null;
    }

    @BeforeEach
    void needsTheSample() {
        if (absent != null && "1".equals(System.getenv("CREDITDESK_REQUIRE_REAL_DATA"))) {
            throw new AssertionError(absent + " (the genuine checks are required here)");
        }
        assumeTrue(absent == null, absent);
    }

    private static MainViewModel opened(Locale locale) throws Exception {
        MainViewModel main = new MainViewModel(new CurrentThreadExecutor(), new I18n(locale),
                new AppSettings(Files.createTempDirectory(dir, "settings")));
        main.open(dataset, model, WITH_HISTORY);
        assertEquals("", main.errorProperty().get());
        return main;
    }

    private static void assertReadsAsWords(String text, String where) {
        assertFalse(text.contains("NaN"), where + " shows NaN: " + text);
        var m = COLUMN_NAME.matcher(text);
        assertFalse(m.find(), where + " shows a column name: " + text);
    }

    @Test
    void theOfficerSeesAGenuineClientScoredAndExplainedInBothLanguages() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            MainViewModel main = opened(locale);
            assertFalse(main.workspaceProperty().get().synthetic(), "genuine rows are not marked synthetic");
            assertEquals(6_999 + 4_874, main.workspaceProperty().get().clientCount());
            for (int id : List.of(WITH_HISTORY, withoutHistory)) {
                main.load(id);
                var shown = main.clientProperty().get();
                assertEquals(id, shown.id());
                assertTrue(shown.probability() > 0 && shown.probability() < 1);
                DecisionViewModel decision = new DecisionViewModel(main.i18n(), main.clientProperty(),
                        Bindings.createObjectBinding(() -> main.workspaceProperty().get().card(), main.workspaceProperty()));
                assertReadsAsWords(decision.summaryProperty().get(), locale + " summary of " + id);
                assertFalse(decision.raising().isEmpty() && decision.lowering().isEmpty(), "reasons either way for " + id);
                decision.raising().forEach(r -> assertReadsAsWords(r, locale + " reason of " + id));
                decision.lowering().forEach(r -> assertReadsAsWords(r, locale + " reason of " + id));
            }
        }
    }

    @Test
    void peersOfAGenuineClientSplitTheLabelledApplicants() throws Exception {
        MainViewModel main = opened(Locale.ENGLISH);
        assertNotNull(main.peersProperty().get(), "the peer index is built");
        PeersViewModel peers = new PeersViewModel(main.executor(), main.i18n(), main.clientProperty(), main.peersProperty(),
                Bindings.createObjectBinding(() -> main.workspaceProperty().get().card(), main.workspaceProperty()));
        peers.groupProperty().set(PeersViewModel.Group.OUTCOME);
        var groups = peers.resultProperty().get().groups();
        assertEquals(6_999, groups.get(0).distribution().groupSize() + groups.get(1).distribution().groupSize());
        assertEquals(0.0, groups.get(0).distribution().defaultRate());
        assertEquals(1.0, groups.get(1).distribution().defaultRate());
    }

    @Test
    void aWhatIfOnAGenuineClientRescoresIt() throws Exception {
        MainViewModel main = opened(Locale.ENGLISH);
        WhatIfViewModel whatIf = new WhatIfViewModel(main);
        var before = main.clientProperty().get().probability();
        whatIf.fields().stream().filter(f -> f.column().equals("EXT_SOURCE_3")).findFirst().orElseThrow().textProperty().set("0.9");
        double after = whatIf.editedProperty().get().probability();
        assertNotEquals(before, after, "a far better external score changes the risk");
        assertTrue(after < before, "and lowers it: " + before + " -> " + after);
    }

    @Test
    void theModelPageDescribesTheGenuineModel() throws Exception {
        MainViewModel main = opened(Locale.FRENCH);
        ModelCardViewModel page = new ModelCardViewModel(main.i18n(),
                Bindings.createObjectBinding(() -> main.workspaceProperty().get().card(), main.workspaceProperty()));
        assertFalse(page.metrics().isEmpty());
        assertFalse(page.headingProperty().get().isEmpty());
        page.metrics().forEach(e -> assertFalse(e.value().contains("NaN"), e.label() + ": " + e.value()));
    }
}
