package com.pretadepenser.creditdesk.app;

import com.pretadepenser.creditdesk.app.common.AppSettings;
import com.pretadepenser.creditdesk.app.common.BackgroundTask;
import com.pretadepenser.creditdesk.app.common.CurrentThreadExecutor;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.app.workspace.DefaultLocations;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;

/**
 * The shipped demo dataset with the shipped model, opened once per test JVM (the real model: it
 * scores a client in about a millisecond, so nothing is mocked), with its peer index built.
 */
public final class DemoWorkspace {
    /** Refused at 14.4 % against the 8.7 % threshold. */
    public static final int REFUSED_CLIENT = 100002;
    /** Refused just above the threshold (9.8 %): a longer term grants it. */
    public static final int NEAR_THRESHOLD_CLIENT = 100020;
    /** Granted at 1.2 %. */
    public static final int GRANTED_CLIENT = 100001;

    private static Workspace workspace;

    private DemoWorkspace() {
    }

    public static synchronized Workspace get() {
        if (workspace == null) {
            workspace = Workspace.open(DefaultLocations.demoData().orElseThrow(), DefaultLocations.defaultModel().orElseThrow(),
                    BackgroundTask.Progress.NONE);
            workspace.peers();
        }
        return workspace;
    }

    /** A probability or threshold as the English screens show it ("14.4 %"): tests compare with the model's own. */
    public static String percent(double probability) {
        return String.format(Locale.ENGLISH, "%.1f %%", 100 * probability);
    }

    /** The shipped model's probability of a demo client. */
    public static double probability(int client) {
        return get().scorer().explain(client).score().probability();
    }

    /** A main ViewModel showing the demo workspace, running every task inline, with settings in a fresh folder. */
    public static MainViewModel mainViewModel(Locale locale) {
        try {
            MainViewModel model = new MainViewModel(new CurrentThreadExecutor(), new I18n(locale),
                    new AppSettings(Files.createTempDirectory("creditdesk-settings")));
            model.show(get(), REFUSED_CLIENT);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
