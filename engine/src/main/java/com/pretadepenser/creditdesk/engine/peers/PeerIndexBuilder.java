package com.pretadepenser.creditdesk.engine.peers;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.WorkerThreads;
import com.pretadepenser.creditdesk.engine.data.CompactTable;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ApplicationRows;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/** Builds the peer index of a dataset under a model: every applicant's features, probability and outcome. */
public final class PeerIndexBuilder {
    /** How many of the model's most important numeric features span the "similar clients" space. */
    public static final int NEIGHBOUR_FEATURES = 10;

    private PeerIndexBuilder() {
    }

    /** Clients whose features are computed at once: all of them at full scale would take gigabytes. */
    static final int CHUNK = 4_000;

    public static PeerIndex build(ScoringModel model, HomeCreditData data, ClientHistory history) {
        return build(model, data, history, ProgressMonitor.NONE);
    }

    /**
     * Scores every applicant and keeps, for each, the features the peer views use (the model's and
     * the segment attributes), computing the features of {@link #CHUNK} clients at a time.
     *
     * @param monitor told the chunks of clients done of all (no message), and polled before each
     *                chunk: cancelled, the build stops with a {@link CancellationException}
     */
    public static PeerIndex build(ScoringModel model, HomeCreditData data, ClientHistory history, ProgressMonitor monitor) {
        return build(model, data, history, monitor, CHUNK);
    }

    static PeerIndex build(ScoringModel model, HomeCreditData data, ClientHistory history, ProgressMonitor monitor, int clientsAtOnce) {
        int total = data.clientCount();
        if (total == 0) {
            throw new IllegalArgumentException("no applications to index");
        }
        Set<String> kept = new LinkedHashSet<>(model.card().featureNames());
        for (Segment segment : Segment.values()) {
            kept.add(segment.feature());
        }
        FeatureMatrix.Stack stack = new FeatureMatrix.Stack(List.copyOf(kept), total);
        double[] probability = new double[total];
        int[] outcomes = new int[total];
        List<Runnable> chunks = new ArrayList<>();
        int offset = 0;
        for (HomeCreditTable table : List.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST)) {
            CompactTable applications = data.compact(table).orElse(null);
            if (applications == null) {
                continue;
            }
            boolean labelled = table == HomeCreditTable.APPLICATION_TRAIN && applications.has("TARGET");
            for (int from = 0; from < applications.rowCount(); from += clientsAtOnce) {
                int at = offset + from;
                int start = from;
                int end = Math.min(applications.rowCount(), from + clientsAtOnce);
                chunks.add(() -> {
                    // Checked by each chunk, so that the worker threads stop too, not only the wait for them.
                    monitor.checkCancelled("peer index");
                    FeatureMatrix part = model.pipeline().compute(ApplicationRows.of(applications, start, end), history);
                    System.arraycopy(model.probabilities(part), 0, probability, at, part.rows());
                    stack.put(part, at);
                    CompactTable.Numbers target = labelled ? applications.numbers("TARGET") : null;
                    for (int row = start; row < end; row++) {
                        double t = target == null ? Double.NaN : target.get(row);
                        outcomes[at + row - start] = Double.isNaN(t) ? -1 : (int) t;
                    }
                });
            }
            offset += applications.rowCount();
        }
        runOnTwoThreads(chunks, monitor);
        return new PeerIndex(stack.build(), probability, outcomes, neighbourFeatures(model.card()));
    }

    /**
     * Runs the chunks two at a time (features are most of the cost, and officers' machines have at
     * least 2 cores), telling {@code monitor} the chunks done; the first failure (or the
     * cancellation) is rethrown.
     */
    private static void runOnTwoThreads(List<Runnable> chunks, ProgressMonitor monitor) {
        monitor.progress(0, chunks.size(), "");
        java.util.concurrent.ExecutorService pool = WorkerThreads.pool("peer-index");
        try {
            List<java.util.concurrent.Future<?>> running = chunks.stream().map(pool::submit).collect(java.util.stream.Collectors.toList());
            for (int i = 0; i < running.size(); i++) {
                monitor.checkCancelled("peer index");
                WorkerThreads.result(running.get(i));
                monitor.progress(i + 1, running.size(), "");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> neighbourFeatures(ModelCard card) {
        List<String> ranked = card.details().globalImportance().isEmpty()
                ? card.details().features().stream().sorted((a, b) -> Double.compare(b.gain(), a.gain())).map(ModelCard.Feature::name).toList()
                : new ArrayList<>(card.details().globalImportance().keySet());
        return ranked.stream().filter(f -> !FeaturePipeline.isCategorical(f)).limit(NEIGHBOUR_FEATURES).toList();
    }
}
