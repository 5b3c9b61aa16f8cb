package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Splits a local dataset by client into {@code parts} local datasets ({@code part-0} ...), one per
 * worker of a distributed training run or a batch-scoring machine. A client's part is a hash of
 * its SK_ID_CURR alone ({@link #partOf}), so it does not depend on the other clients or on the
 * order of the rows: the same client lands in the same part each time the dataset is split, and
 * its every row goes with it. The six child tables follow: five by their SK_ID_CURR column,
 * bureau_balance by its SK_ID_BUREAU through the bureau row it belongs to (a bureau_balance row
 * whose SK_ID_BUREAU is in no bureau row, an orphan, goes by a hash of that SK_ID_BUREAU: kept,
 * never lost). Every part is a complete local dataset, with its own manifest listing each stored
 * table's SHA-256; the folder of parts is written at once (a staging folder renamed into place).
 */
public final class DatasetShards {
    /** Written beside the parts: how the dataset was split. */
    public static final String SHARDS_FILE = "shards.json";

    private DatasetShards() {
    }

    /** What was written: the folder of each part and its clients (train and test applicants). */
    public record Summary(List<Path> parts, List<Integer> clients) {
    }

    /** The folder of part {@code k} under {@code out}. */
    public static Path partFolder(Path out, int k) {
        return out.resolve("part-" + k);
    }

    /** The part (0 to {@code parts - 1}) of client {@code id}: a well-mixed hash of the id (SplitMix64's finaliser). */
    public static int partOf(long id, int parts) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) Math.floorMod(z, (long) parts);
    }

    /**
     * Splits {@code source} into {@code parts} datasets under {@code out}. {@code monitor} is told
     * the tables done of all and polled between tables: cancelled, nothing is left behind.
     */
    public static Summary split(Path source, int parts, Path out, boolean replace, ProgressMonitor monitor) {
        if (parts < 2) {
            throw new CreditDeskException(EngineMessage.SHARD_TOO_FEW_PARTS, parts);
        }
        LocalDataset dataset = LocalDataset.open(source);
        HomeCreditData data = dataset.load();
        Path target = out.toAbsolutePath().normalize();
        Path from = source.toAbsolutePath().normalize();
        if (target.startsWith(from) || from.startsWith(target)) {
            throw new CreditDeskException(EngineMessage.IMPORT_TARGET_IN_SOURCE, target, from);
        }
        List<HomeCreditTable> present = java.util.Arrays.stream(HomeCreditTable.values()).filter(data::has).toList();
        int[] clients = new int[parts];
        AtomicFolder.write(target, replace, staging -> {
            List<List<DatasetManifest.TableEntry>> entries = new ArrayList<>();
            List<List<DatasetManifest.Source>> sources = new ArrayList<>();
            for (int k = 0; k < parts; k++) {
                Files.createDirectory(partFolder(staging, k));
                entries.add(new ArrayList<>());
                sources.add(new ArrayList<>());
            }
            // bureau_balance follows bureau: each SK_ID_BUREAU's part, from its client.
            Int2IntOpenHashMap bureauPart = new Int2IntOpenHashMap();
            bureauPart.defaultReturnValue(-1);
            int done = 0;
            for (HomeCreditTable table : present) {
                monitor.checkCancelled("shard");
                monitor.progress(done, present.size(), table.fileName());
                Table frame = data.table(table).orElseThrow();
                int[] part = new int[frame.rowCount()];
                if (table == HomeCreditTable.BUREAU_BALANCE) {
                    int[] bureau = frame.intColumn("SK_ID_BUREAU").asIntArray();
                    for (int r = 0; r < part.length; r++) {
                        int p = bureauPart.get(bureau[r]);
                        part[r] = p >= 0 ? p : partOf(bureau[r], parts);
                    }
                } else {
                    int[] ids = frame.intColumn("SK_ID_CURR").asIntArray();
                    int[] bureau = table == HomeCreditTable.BUREAU ? frame.intColumn("SK_ID_BUREAU").asIntArray() : null;
                    for (int r = 0; r < part.length; r++) {
                        part[r] = partOf(ids[r], parts);
                        if (bureau != null) {
                            bureauPart.put(bureau[r], part[r]);
                        }
                        if (table.isApplication()) {
                            clients[part[r]]++;
                        }
                    }
                }
                for (int k = 0; k < parts; k++) {
                    final int wanted = k;
                    int[] rows = java.util.stream.IntStream.range(0, part.length).filter(r -> part[r] == wanted).toArray();
                    Table slice = frame.rows(rows);
                    String fileName = table.fileName().replace(".csv", LocalDataset.EXTENSION);
                    Path file = partFolder(staging, k).resolve(fileName);
                    ColumnarTableFile.write(DatasetImporter.byParentKey(table, slice), table.fileName(), file);
                    entries.get(k).add(new DatasetManifest.TableEntry(table.fileName(), fileName, slice.rowCount()));
                    sources.get(k).add(new DatasetManifest.Source(table.fileName(), FileHashes.sha256(file), slice.rowCount(), Files.size(file)));
                }
                done++;
            }
            String now = Instant.now().toString();
            for (int k = 0; k < parts; k++) {
                List<String> notes = new ArrayList<>(data.notes());
                notes.add("Part " + k + " of " + parts + " of " + from + ", split by client (SK_ID_CURR).");
                DatasetManifest manifest = new DatasetManifest(DatasetManifest.SCHEMA_VERSION, now, dataset.isSynthetic(),
                        dataset.manifest().generator(), from.toString(), sources.get(k), entries.get(k), Map.of(), notes);
                LocalDataset.JSON.writerWithDefaultPrettyPrinter().writeValue(partFolder(staging, k).resolve(LocalDataset.MANIFEST).toFile(),
                        manifest);
            }
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("source", from.toString());
            description.put("parts", parts);
            description.put("key", "SK_ID_CURR (bureau_balance through SK_ID_BUREAU)");
            description.put("hash", "SplitMix64 finaliser of SK_ID_CURR, modulo parts");
            description.put("clients", java.util.Arrays.stream(clients).boxed().toList());
            LocalDataset.JSON.writerWithDefaultPrettyPrinter().writeValue(staging.resolve(SHARDS_FILE).toFile(), description);
        });
        monitor.progress(present.size(), present.size(), "done");
        List<Path> folders = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            folders.add(partFolder(target, k));
        }
        return new Summary(folders, java.util.Arrays.stream(clients).boxed().toList());
    }
}
