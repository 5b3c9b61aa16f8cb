package com.pretadepenser.creditdesk.engine.batch;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the score files of a dataset's shards, each written by {@link ScoreExport} on its own
 * machine, into one: the same columns, every client once (a client in two files means the shards
 * overlap, and is refused), the train applicants first then the test ones, each by SK_ID_CURR.
 * Scoring is per client, so the merged file holds what scoring the whole dataset in one process
 * writes, row for row, in that order. Written beside the target and moved into place when complete.
 */
public final class ScoreMerge {
    private ScoreMerge() {
    }

    /** What was written: the file and its clients. */
    public record Summary(Path file, long clients) {
    }

    public static Summary merge(List<Path> inputs, Path out, boolean replace) {
        Path target = out.toAbsolutePath();
        if (Files.exists(target) && !replace) {
            throw new CreditDeskException(EngineMessage.FILE_ALREADY_EXISTS, out);
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new CreditDeskException(EngineMessage.CANNOT_WRITE_NO_FOLDER, out);
        }
        List<String> header = null;
        Path first = null;
        List<List<String>> rows = new ArrayList<>();
        Int2IntOpenHashMap seenIn = new Int2IntOpenHashMap();
        seenIn.defaultReturnValue(-1);
        for (int f = 0; f < inputs.size(); f++) {
            Path input = inputs.get(f);
            try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(input)) {
                boolean headerLine = true;
                for (CsvRecord record : csv) {
                    List<String> fields = record.getFields();
                    if (headerLine) {
                        headerLine = false;
                        if (header == null) {
                            header = fields;
                            first = input;
                        } else if (!header.equals(fields)) {
                            throw new CreditDeskException(EngineMessage.SCORES_MERGE_HEADER, input, fields, first, header);
                        }
                        continue;
                    }
                    int id = Integer.parseInt(fields.get(0));
                    int previous = seenIn.put(id, f);
                    if (previous >= 0) {
                        throw new CreditDeskException(EngineMessage.SCORES_MERGE_DUPLICATE, id, inputs.get(previous), input);
                    }
                    rows.add(fields);
                }
                if (headerLine) {
                    throw new CreditDeskException(EngineMessage.SCORES_MERGE_EMPTY, input);
                }
            } catch (IOException e) {
                throw new CreditDeskException(e, EngineMessage.CANNOT_READ, input, e.getMessage());
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new CreditDeskException(e, EngineMessage.SCORES_MERGE_EMPTY, input);
            }
        }
        rows.sort(Comparator.comparing((List<String> r) -> "train".equals(r.get(1)) ? 0 : 1)
                .thenComparingInt(r -> Integer.parseInt(r.get(0))));
        Path partial;
        try {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_WRITE_IN, target.getParent(), e.getMessage());
        }
        try {
            try (CsvWriter csv = CsvWriter.builder().build(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                csv.writeRecord(header);
                rows.forEach(csv::writeRecord);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the unfinished file is hidden (a dot file) and named .partial
            }
            throw new CreditDeskException(e, EngineMessage.COULD_NOT_WRITE, out, e.getMessage());
        }
        return new Summary(target, rows.size());
    }
}
