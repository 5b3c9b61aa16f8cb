package com.pretadepenser.creditdesk.app;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.app.common.AppSettings;
import com.pretadepenser.creditdesk.app.common.CurrentThreadExecutor;
import com.pretadepenser.creditdesk.app.common.I18n;
import com.pretadepenser.creditdesk.app.main.MainViewModel;
import com.pretadepenser.creditdesk.app.workspace.DefaultLocations;
import com.pretadepenser.creditdesk.app.workspace.Workspace;
import com.pretadepenser.creditdesk.cli.CreditDeskCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The shipped demo dataset with a small model trained on it here, once per test JVM (a real
 * LightGBM model, trained in seconds: nothing is mocked), with its peer index built. The ViewModel
 * and UI tests check behaviour against whatever this model says, so retraining the shipped model
 * changes none of them; {@code ShippedModelGoldenTest} pins the shipped model's own digits.
 */
public final class DemoWorkspace {
    private static Workspace workspace;

    /*
     * The clients the tests need, chosen by what the shipped model says of them (lowest ID first),
     * so that retraining the model changes which clients play each part, not what the tests check.
     */
    /** Refused, and no change of amount or term within the allowed range grants it. */
    public static final int REFUSED_CLIENT;
    /** Refused, and a change of the loan (amount or term) grants it. */
    public static final int NEAR_THRESHOLD_CLIENT;
    /** Granted, well below the threshold (under half of it). */
    public static final int GRANTED_CLIENT;

    static {
        Workspace w = get();
        double threshold = w.model().threshold();
        int refused = 0;
        int near = 0;
        int granted = 0;
        for (int id : w.sortedIds()) {
            if (refused != 0 && near != 0 && granted != 0) {
                break;
            }
            double p = w.scorer().score(id).score().probability();
            if (p < threshold / 2) {
                granted = granted == 0 ? id : granted;
            } else if (p >= threshold && (refused == 0 || near == 0)) {
                boolean grantable = !w.counterfactuals().search(w.scorer().application(id)).suggestions().isEmpty();
                if (grantable && near == 0) {
                    near = id;
                } else if (!grantable && refused == 0) {
                    refused = id;
                }
            }
        }
        if (refused == 0 || near == 0 || granted == 0) {
            throw new IllegalStateException("The shipped model leaves no demo client for a part: refused " + refused
                    + ", refused but grantable " + near + ", granted " + granted);
        }
        REFUSED_CLIENT = refused;
        NEAR_THRESHOLD_CLIENT = near;
        GRANTED_CLIENT = granted;
    }

    private DemoWorkspace() {
    }

    public static synchronized Workspace get() {
        if (workspace == null) {
            workspace = Workspace.open(DefaultLocations.demoData().orElseThrow(), fixtureModel(), ProgressMonitor.NONE);
            workspace.peers();
        }
        return workspace;
    }

    /** The fixture model: 2 folds, at most 120 rounds, no tuning, a fixed seed (about 15 s). */
    private static Path fixtureModel() {
        try {
            Path folder = Files.createTempDirectory("creditdesk-fixture-model").resolve("model");
            int code = CreditDeskCli.run("train", "--data", DefaultLocations.demoData().orElseThrow().toString(), "--out", folder.toString(),
                    "--tune", "off", "--folds", "2", "--max-rounds", "120", "--early-stopping", "30", "--seed", "7");
            if (code != 0) {
                throw new IllegalStateException("training the fixture model failed with exit code " + code);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A client whose application the tests quote, whatever the model says of it: 46, male, married
     * with 1 child, working, income 135,000, credit 269,560, 5 active bureau credits, defaulted.
     */
    public static final int KNOWN_FACTS_CLIENT = 100002;
    /** A client who is not employed (the DAYS_EMPLOYED sentinel). */
    public static final int NOT_EMPLOYED_CLIENT = 100001;

    /** A probability or threshold as the English screens show it ("14.4 %"): tests compare with the model's own. */
    public static String percent(double probability) {
        return percent(probability, Locale.ENGLISH);
    }

    /** The same as the screens of {@code locale} show it ("14,4 %" in French). */
    public static String percent(double probability, Locale locale) {
        return String.format(locale, "%.1f %%", 100 * probability);
    }

    /** A main ViewModel as {@link #mainViewModel} gives it, showing {@code client}. */
    public static MainViewModel mainViewModel(Locale locale, int client) {
        MainViewModel model = mainViewModel(locale);
        model.load(client);
        return model;
    }

    /** The shipped model's probability of a demo client. */
    public static double probability(int client) {
        return get().scorer().score(client).score().probability();
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
