package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr, so stdout stays clean for tables and piping. */
final class Progress {
    /** What the command is doing now, for a message if memory runs out. */
    private static volatile String activity = "";

    private Progress() {
    }

    static String activity() {
        return activity;
    }

    static void activity(String now) {
        activity = now;
    }

    /** Reads a CSV folder with a bar over its bytes. */
    static HomeCreditData read(HomeCreditFolder folder) {
        long total = folder.files().values().stream().mapToLong(p -> p.toFile().length()).sum();
        try (ProgressBar bar = bar("read " + folder.folder().getFileName(), Math.max(1, total / 1_000_000), "MB")) {
            return folder.read(ProgressBarMonitor.inMillions(bar));
        }
    }

    static ProgressBar bar(String task, long max, String unit) {
        activity(task);
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                .build();
    }
}
