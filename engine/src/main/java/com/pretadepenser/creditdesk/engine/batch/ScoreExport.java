package com.pretadepenser.creditdesk.engine.batch;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.WorkerThreads;
import com.pretadepenser.creditdesk.engine.data.CompactTable;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.explain.Explainer;
import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.features.ApplicationRows;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.scoring.Contribution;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Writes every applicant's probability and decision (and, if asked, their three main risk factors)
 * to a CSV file: SK_ID_CURR, SET, PROBABILITY, DECISION[, REASON_1..3]. Scores in chunks so a
 * caller sees progress and can cancel; writes a temporary file beside the target and moves it into
 * place only when complete, so a cancelled or failed export leaves nothing behind.
 */
public final class ScoreExport {
    public static final int CHUNK = 2_000;
    static final int REASONS = 3;

    /** What was written. */
    public record Summary(Path file, long total, long granted) {
        public long refused() {
            return total - granted;
        }
    }

    private final ScoringModel model;
    private final HomeCreditData data;
    private final ClientHistory history;

    public ScoreExport(ScoringModel model, HomeCreditData data, ClientHistory history) {
        this.model = model;
        this.data = data;
        this.history = history;
        model.requireHistoryFor(history);
    }

    /**
     * Scores every applicant into {@code out}. An existing file is refused unless {@code replace};
     * {@code reasonsIn} (may be null) adds the reasons in that language. {@code monitor} is told the
     * clients written of all (no message) and polled before each chunk: cancelled, the export stops
     * with a {@link CancellationException} and leaves no file.
     */
    public Summary write(Path out, boolean replace, Locale reasonsIn, ProgressMonitor monitor) {
        Path target = out.toAbsolutePath();
        if (Files.exists(target) && !replace) {
            throw new CreditDeskException(EngineMessage.FILE_ALREADY_EXISTS, out);
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new CreditDeskException(EngineMessage.CANNOT_WRITE_NO_FOLDER, out);
        }
        int total = 0;
        for (HomeCreditTable table : List.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST)) {
            total += data.rowCount(table);
        }
        Path partial;
        try {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_WRITE_IN, target.getParent(), e.getMessage());
        }
        long granted = 0;
        int done = 0;
        try {
            try (CsvWriter csv = CsvWriter.builder().build(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                List<String> header = new ArrayList<>(List.of("SK_ID_CURR", "SET", "PROBABILITY", "DECISION"));
                for (int r = 1; reasonsIn != null && r <= REASONS; r++) {
                    header.add("REASON_" + r);
                }
                csv.writeRecord(header);
                monitor.progress(0, total, "");
                // Chunks are scored two at a time (features are most of the cost) and written in order.
                java.util.concurrent.ExecutorService pool = WorkerThreads.pool("score-export");
                try {
                    java.util.ArrayDeque<java.util.concurrent.Future<Scored>> running = new java.util.ArrayDeque<>();
                    for (HomeCreditTable table : List.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST)) {
                        CompactTable applications = data.compact(table).orElse(null);
                        if (applications == null) {
                            continue;
                        }
                        String set = table == HomeCreditTable.APPLICATION_TRAIN ? "train" : "test";
                        for (int from = 0; from < applications.rowCount(); from += CHUNK) {
                            if (monitor.isCancelled()) {
                                throw new CancellationException("export cancelled after " + done + " of " + total + " clients");
                            }
                            int start = from;
                            running.add(pool.submit(() -> score(ApplicationRows.of(applications, start,
                                    Math.min(applications.rowCount(), start + CHUNK)), set, reasonsIn)));
                            while (running.size() >= 4) {
                                Scored scored = next(running);
                                granted += write(csv, scored);
                                done += scored.records().size();
                                monitor.progress(done, total, "");
                            }
                        }
                    }
                    while (!running.isEmpty()) {
                        if (monitor.isCancelled()) {
                            throw new CancellationException("export cancelled after " + done + " of " + total + " clients");
                        }
                        Scored scored = next(running);
                        granted += write(csv, scored);
                        done += scored.records().size();
                        monitor.progress(done, total, "");
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new CreditDeskException(e, EngineMessage.COULD_NOT_WRITE, out, e.getMessage());
        } catch (RuntimeException | Error e) {
            // An out-of-memory error too: the unfinished file never stays behind.
            deleteQuietly(partial);
            throw e;
        }
        return new Summary(target, total, granted);
    }

    /** A chunk's output records, and how many of its clients are granted. */
    private record Scored(List<List<String>> records, long granted) {
    }

    private static Scored next(java.util.ArrayDeque<java.util.concurrent.Future<Scored>> running) {
        return WorkerThreads.result(running.poll());
    }

    private static long write(CsvWriter csv, Scored scored) {
        scored.records().forEach(csv::writeRecord);
        return scored.granted();
    }

    private Scored score(ApplicationRows chunk, String set, Locale reasonsIn) {
        FeatureMatrix features = model.pipeline().compute(chunk, history);
        List<List<String>> records = new ArrayList<>(features.rows());
        double[] p = model.probabilities(features);
        double[] contributions = reasonsIn != null ? model.contributions(features) : null;
        int[] ids = chunk.clientIds();
        List<String> names = model.card().featureNames();
        long granted = 0;
        for (int i = 0; i < ids.length; i++) {
            boolean refused = model.refused(p[i]);
            granted += refused ? 0 : 1;
            List<String> record = new ArrayList<>(List.of(Integer.toString(ids[i]), set, probability(p[i]),
                    refused ? "REFUSED" : "GRANTED"));
            if (reasonsIn != null) {
                record.addAll(reasons(names, contributions, i, reasonsIn));
            }
            records.add(record);
        }
        return new Scored(records, granted);
    }

    /**
     * A probability with six decimals and a point whatever the user's locale (a French
     * workstation's "%.6f" writes "0,108000"), rounded half up as "%.6f" rounds, without its
     * formatter's cost per row.
     */
    static String probability(double p) {
        return java.math.BigDecimal.valueOf(p).setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The families raising this row's risk most, as labels; blank where fewer raise it. */
    static List<String> reasons(List<String> names, double[] contributions, int row, Locale locale) {
        int width = names.size() + 1;
        List<Contribution> parts = new ArrayList<>(names.size());
        for (int f = 0; f < names.size(); f++) {
            parts.add(new Contribution(names.get(f), Double.NaN, contributions[row * width + f]));
        }
        List<String> labels = new ArrayList<>(Explainer.families(parts, locale).stream()
                .filter(f -> f.contribution() > 0)
                .sorted((a, b) -> Double.compare(b.contribution(), a.contribution()))
                .limit(REASONS).map(Explanation.FamilyContribution::label).toList());
        while (labels.size() < REASONS) {
            labels.add("");
        }
        return labels;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the unfinished " + file, e);
        }
    }
}
