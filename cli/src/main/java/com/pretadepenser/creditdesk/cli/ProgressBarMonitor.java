package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import me.tongfei.progressbar.ProgressBar;

/**
 * The engine's progress on a console bar: done and total as the bar's steps (as given, in
 * millions, or per mille of the total), a new message as the bar's extra message. The command
 * line does not cancel: the monitor never asks to stop (Ctrl-C ends the process).
 */
final class ProgressBarMonitor implements ProgressMonitor {
    private enum Scale { AS_GIVEN, MILLIONS, PER_MILLE }

    private final ProgressBar bar;
    private final Scale scale;
    private final String activity;
    private String message = "";

    private ProgressBarMonitor(ProgressBar bar, Scale scale, String activity) {
        this.bar = bar;
        this.scale = scale;
        this.activity = activity;
    }

    /** The task's units are the bar's (fits, clients). */
    static ProgressBarMonitor of(ProgressBar bar) {
        return new ProgressBarMonitor(bar, Scale.AS_GIVEN, null);
    }

    /** Bytes shown as megabytes. */
    static ProgressBarMonitor inMillions(ProgressBar bar) {
        return new ProgressBarMonitor(bar, Scale.MILLIONS, null);
    }

    /** The share done, of a bar of 1000 steps. */
    static ProgressBarMonitor perMille(ProgressBar bar) {
        return new ProgressBarMonitor(bar, Scale.PER_MILLE, null);
    }

    /** Also names each phase the task names, after {@code prefix}, as what the command is doing (for an out-of-memory message). */
    ProgressBarMonitor naming(String prefix) {
        return new ProgressBarMonitor(bar, scale, prefix);
    }

    @Override
    public synchronized void progress(long done, long total, String text) {
        switch (scale) {
            case AS_GIVEN -> {
                bar.maxHint(total);
                bar.stepTo(done);
            }
            case MILLIONS -> {
                bar.maxHint(Math.max(1, total / 1_000_000));
                bar.stepTo(done / 1_000_000);
            }
            case PER_MILLE -> bar.stepTo(total <= 0 ? 0 : Math.round(1000.0 * done / total));
        }
        if (text != null && !text.equals(message)) {
            message = text;
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void phase(String name) {
        if (activity != null) {
            Progress.activity(activity + name);
        }
    }
}
