package com.pretadepenser.creditdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.app.common.AppSettings;
import com.pretadepenser.creditdesk.app.common.CurrentThreadExecutor;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.decision.DecisionViewModel;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.app.workspace.DefaultLocations;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import java.nio.file.Files;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import org.junit.jupiter.api.Test;

/**
 * The one test that pins the shipped model's digits, as the officer reads them on the decision
 * screen for the demo's client 100003. Retraining models/default changes these figures: update them
 * here, in the README's example and in docs/, together. Every other screen test runs on a model
 * trained in the test ({@link DemoWorkspace}).
 */
class ShippedModelGoldenTest {
    @Test
    void theShippedModelRefusesClient100003AsDocumented() throws Exception {
        Workspace shipped = Workspace.open(DefaultLocations.demoData().orElseThrow(), DefaultLocations.defaultModel().orElseThrow(),
                ProgressMonitor.NONE);
        MainViewModel main = new MainViewModel(new CurrentThreadExecutor(), new I18n(Locale.ENGLISH),
                new AppSettings(Files.createTempDirectory("creditdesk-settings")));
        main.show(shipped, 100003);
        DecisionViewModel decision = new DecisionViewModel(main.i18n(), main.clientProperty(),
                Bindings.createObjectBinding(() -> main.workspaceProperty().get().card(), main.workspaceProperty()));

        assertEquals("REFUSED", decision.decisionTextProperty().get());
        assertEquals("22.6 %", decision.probabilityTextProperty().get());
        assertEquals("11.8 points above the 10.8 % threshold \u00b7 risk: very high", decision.marginTextProperty().get());
        assertTrue(main.clientProperty().get().explanation().summary().contains("external credit scores"),
                main.clientProperty().get().explanation().summary());
    }
}
