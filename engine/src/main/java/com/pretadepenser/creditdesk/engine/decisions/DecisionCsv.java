package com.pretadepenser.creditdesk.engine.decisions;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** Decision records as a CSV file, one row per record; written beside the target, then moved in place. */
public final class DecisionCsv {
    static final List<String> HEADER = List.of("SEQ", "TIME", "OS_USER", "MACHINE", "SK_ID_CURR", "APPLICATION", "DATASET",
            "DATASET_HASH", "MODEL", "MODEL_SHA256", "PROBABILITY", "THRESHOLD", "MODEL_DECISION", "FINAL_DECISION", "OVERRIDDEN",
            "OVERRIDE_REASON", "REASONS", "APP_VERSION", "RECORD_HASH");

    private DecisionCsv() {
    }

    /** Writes {@code entries} to {@code out} (replacing it); nothing is left half-written on failure. */
    public static void write(List<DecisionLog.Entry> entries, Path out) {
        Path target = out.toAbsolutePath();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new CreditDeskException("Cannot write " + out + ": its folder does not exist.");
        }
        Path partial = null;
        try {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            try (CsvWriter csv = CsvWriter.builder().build(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                csv.writeRecord(HEADER);
                for (DecisionLog.Entry entry : entries) {
                    DecisionRecord r = entry.record();
                    csv.writeRecord(List.of(String.valueOf(entry.seq()), r.time(), text(r.osUser()), text(r.machine()),
                            r.clientId() == null ? "" : String.valueOf(r.clientId()),
                            r.application().isEmpty() ? "" : new TreeMap<>(r.application()).toString(), text(r.dataset()),
                            text(r.datasetHash()), text(r.model()), text(r.modelSha256()), String.format(Locale.ROOT, "%.6f", r.probability()),
                            String.format(Locale.ROOT, "%.6f", r.threshold()), r.modelDecision().name(), r.finalDecision().name(),
                            String.valueOf(r.overridden()), text(r.overrideReason()), String.join(" | ", r.reasons()), text(r.appVersion()),
                            entry.hash()));
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CreditDeskException("Cannot write " + out + ": " + e.getMessage() + ". Nothing was written.", e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the move took it, or the folder went away
                }
            }
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
