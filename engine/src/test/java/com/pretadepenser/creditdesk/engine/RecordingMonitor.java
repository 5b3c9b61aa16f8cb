package com.pretadepenser.creditdesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A monitor for tests: keeps every report, and cancels once {@code cancelWhen} holds for the
 * reports so far (polled through {@link #isCancelled()}). Thread-safe: some tasks report from two threads.
 */
public final class RecordingMonitor implements ProgressMonitor {
    /** One report. */
    public record Report(long done, long total, String message) {
        public double share() {
            return total <= 0 ? 0 : done / (double) total;
        }
    }

    private final List<Report> reports = new ArrayList<>();
    private final List<String> phases = new ArrayList<>();
    private final Predicate<List<Report>> cancelWhen;
    private int polls;

    public RecordingMonitor() {
        this(reports -> false);
    }

    public RecordingMonitor(Predicate<List<Report>> cancelWhen) {
        this.cancelWhen = cancelWhen;
    }

    /** Cancels at the {@code n}th poll of {@link #isCancelled()}. */
    public static RecordingMonitor cancellingAtPoll(int n) {
        int[] count = {0};
        return new RecordingMonitor(reports -> ++count[0] >= n);
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        reports.add(new Report(done, total, message));
    }

    @Override
    public synchronized void phase(String name) {
        phases.add(name);
    }

    @Override
    public synchronized boolean isCancelled() {
        polls++;
        return cancelWhen.test(List.copyOf(reports));
    }

    public synchronized List<Report> reports() {
        return List.copyOf(reports);
    }

    public synchronized List<String> phases() {
        return List.copyOf(phases);
    }

    public synchronized int polls() {
        return polls;
    }

    public synchronized Report last() {
        return reports.get(reports.size() - 1);
    }

    /** True when no report's done is below the one before it. */
    public synchronized boolean doneNeverGoesBack() {
        for (int i = 1; i < reports.size(); i++) {
            if (reports.get(i).done() < reports.get(i - 1).done()) {
                return false;
            }
        }
        return true;
    }

    /** True when no report's share (done / total) is below the one before it. */
    public synchronized boolean shareNeverGoesBack() {
        for (int i = 1; i < reports.size(); i++) {
            if (reports.get(i).share() < reports.get(i - 1).share() - 1e-12) {
                return false;
            }
        }
        return true;
    }
}
