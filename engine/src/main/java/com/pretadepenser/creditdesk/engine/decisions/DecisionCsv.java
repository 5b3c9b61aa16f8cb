package com.pretadepenser.creditdesk.engine.decisions;

import com.pretadepenser.creditdesk.engine.data.AtomicFile;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** Decision records as a CSV file, one row per record, written whole or not at all ({@link AtomicFile}). */
public final class DecisionCsv {
    static final List<String> HEADER = List.of("SEQ", "TIME", "OS_USER", "MACHINE", "SK_ID_CURR", "APPLICATION", "DATASET",
            "DATASET_HASH", "MODEL", "MODEL_SHA256", "PROBABILITY", "THRESHOLD", "MODEL_DECISION", "FINAL_DECISION", "OVERRIDDEN",
            "OVERRIDE_REASON", "REASONS", "APP_VERSION", "RECORD_HASH");

    private DecisionCsv() {
    }

    /** Writes {@code entries} to {@code out} (replacing it); nothing is left half-written on failure. */
    public static void write(List<DecisionLog.Entry> entries, Path out) {
        AtomicFile.write(out, partial -> {
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
        });
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
