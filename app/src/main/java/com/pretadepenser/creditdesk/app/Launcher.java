package com.pretadepenser.creditdesk.app;

import com.pretadepenser.creditdesk.app.common.AppSettings;
import com.pretadepenser.creditdesk.app.common.StartTrace;
import com.pretadepenser.creditdesk.app.workspace.DefaultLocations;
import com.pretadepenser.creditdesk.app.workspace.Preloader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;

/**
 * Starts the dashboard: {@code java -jar app/target/creditdesk-app.jar [--data DIR] [--model DIR]
 * [--client ID] [--lang en|fr] [--theme light|dark] [--screenshots DIR | --bench | --smoke PNG]}. With no
 * option it opens the shipped demo dataset and model. A separate class because JavaFX on the
 * class path cannot start from a main inside the Application subclass.
 */
public final class Launcher {
    private static final List<String> OPTIONS = List.of("--data", "--model", "--client", "--lang", "--theme", "--screenshots", "--smoke");

    private Launcher() {
    }

    public static void main(String[] args) {
        StartTrace.mark("main entered");
        List<String> named = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("Usage: java -jar creditdesk-app.jar [--data DIR] [--model DIR] [--client ID] [--lang en|fr]"
                        + " [--theme light|dark] [--screenshots DIR | --bench | --smoke PNG]");
                System.out.println("--smoke PNG opens the data, shows the first client, writes a screenshot to PNG and exits (0 when all worked).");
                System.out.println("Without --data and --model it opens the shipped demo dataset (data/demo) and model (models/default).");
                return;
            }
            if (arg.equals("--bench")) {
                named.add("--bench=true");
            } else if (OPTIONS.contains(arg) && i + 1 < args.length) {
                named.add(arg + "=" + args[++i]);
            } else if (arg.contains("=") && OPTIONS.contains(arg.substring(0, arg.indexOf('=')))) {
                named.add(arg);
            } else {
                System.err.println("creditdesk-app: unknown option " + arg + " (try --help)");
                System.exit(2);
            }
        }
        boolean givesData = named.stream().anyMatch(a -> a.startsWith("--data="));
        boolean givesModel = named.stream().anyMatch(a -> a.startsWith("--model="));
        if ((!givesData && DefaultLocations.demoData().isEmpty()) || (!givesModel && DefaultLocations.defaultModel().isEmpty())) {
            System.err.println("creditdesk-app: cannot find the demo data (data/demo) or model (models/default) from "
                    + Path.of("").toAbsolutePath() + "; run from the project folder or pass --data DIR --model DIR");
            System.exit(2);
        }
        Path data = named.stream().filter(a -> a.startsWith("--data=")).map(a -> Path.of(a.substring(7))).findFirst().orElse(defaultData());
        Path model = named.stream().filter(a -> a.startsWith("--model=")).map(a -> Path.of(a.substring(8))).findFirst().orElse(defaultModel());
        Integer client = named.stream().filter(a -> a.startsWith("--client=")).map(a -> parseClient(a.substring(9))).findFirst()
                .orElseGet(() -> AppSettings.forUser().recentClients().stream().findFirst().orElse(null));
        Preloader.start(data, model, client);
        Application.launch(CreditDeskApp.class, named.toArray(String[]::new));
    }

    private static Integer parseClient(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            System.err.println("creditdesk-app: --client must be a client id (digits), not " + text);
            System.exit(2);
            return null;
        }
    }

    static Path defaultData() {
        return DefaultLocations.demoData().orElse(Path.of(DefaultLocations.DEMO_DATA));
    }

    static Path defaultModel() {
        return DefaultLocations.defaultModel().orElse(Path.of(DefaultLocations.DEFAULT_MODEL));
    }
}
