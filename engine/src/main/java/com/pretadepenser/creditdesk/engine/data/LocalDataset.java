package com.pretadepenser.creditdesk.engine.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * A dataset imported by {@link DatasetImporter}: a folder with {@code manifest.json} and one
 * columnar file per table. Opening reads only the manifest; tables load on first use, so the
 * application tables are on screen before the large child tables are needed.
 */
public final class LocalDataset {
    public static final String MANIFEST = "manifest.json";
    /** The generator's true default probabilities, copied along when the source was synthetic. */
    public static final String TRUTH = "true_default_probability.csv";
    static final String EXTENSION = ".cdt";
    /** Features per client a peer index keeps, for the memory estimate: a model's (up to about 40) and the segments. */
    static final int PEER_FEATURES = 40;

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path folder;
    private final DatasetManifest manifest;
    private final Map<HomeCreditTable, Table> loaded = new EnumMap<>(HomeCreditTable.class);
    private final Map<HomeCreditTable, CompactTable> compact = new EnumMap<>(HomeCreditTable.class);

    private LocalDataset(Path folder, DatasetManifest manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    public static boolean isLocalDataset(Path folder) {
        return Files.isRegularFile(folder.resolve(MANIFEST));
    }

    public static LocalDataset open(Path folder) {
        Path manifestFile = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new CreditDeskException(EngineMessage.DATASET_NO_MANIFEST, folder, MANIFEST);
        }
        DatasetManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), DatasetManifest.class);
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.DATASET_MANIFEST_UNREADABLE, manifestFile, e.getMessage());
        }
        if (manifest.schemaVersion() > DatasetManifest.SCHEMA_VERSION) {
            throw new CreditDeskException(EngineMessage.DATASET_NEWER_FORMAT, folder, manifest.schemaVersion(), DatasetManifest.SCHEMA_VERSION);
        }
        return new LocalDataset(folder, manifest);
    }

    /**
     * What identifies this dataset's contents for caches of what is computed from it: the SHA-256
     * of its manifest (which holds each source file's SHA-256 and the import time) and of each
     * stored table file's name, size and modification time, so that a table replaced or touched
     * after the import makes the caches stale.
     */
    public String identity() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(folder.resolve(MANIFEST)));
            for (DatasetManifest.TableEntry entry : manifest.tables()) {
                Path file = folder.resolve(entry.file());
                String stamp = entry.file() + "\0" + (Files.isRegularFile(file)
                        ? Files.size(file) + "\0" + Files.getLastModifiedTime(file).toMillis() : "missing") + "\n";
                digest.update(stamp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_READ, folder, e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Path folder() {
        return folder;
    }

    public DatasetManifest manifest() {
        return manifest;
    }

    public boolean isSynthetic() {
        return manifest.synthetic();
    }

    public boolean has(HomeCreditTable table) {
        return entry(table).isPresent();
    }

    /** The table, loaded on first call and kept. */
    public synchronized Optional<Table> table(HomeCreditTable table) {
        if (!has(table)) {
            return Optional.empty();
        }
        return Optional.of(loaded.computeIfAbsent(table, this::read));
    }

    /** A child table in its stored widths (mapped in place, or inflated compact), loaded on first call and kept. */
    public synchronized Optional<CompactTable> compactTable(HomeCreditTable table) {
        if (!has(table)) {
            return Optional.empty();
        }
        return Optional.of(compact.computeIfAbsent(table, t -> checked(t, ColumnarTableFile::readCompact, CompactTable::rowCount)));
    }

    private Table read(HomeCreditTable t) {
        return checked(t, ColumnarTableFile::read, Table::rowCount);
    }

    private <T> T checked(HomeCreditTable t, java.util.function.Function<Path, T> reader, java.util.function.ToIntFunction<T> rows) {
        DatasetManifest.TableEntry entry = entry(t).orElseThrow();
        Path file = folder.resolve(entry.file());
        if (!Files.isRegularFile(file)) {
            throw new CreditDeskException(EngineMessage.DATASET_FILE_MISSING, file);
        }
        T frame = reader.apply(file);
        if (rows.applyAsInt(frame) != entry.rows()) {
            throw new CreditDeskException(EngineMessage.DATASET_ROW_COUNT, file, rows.applyAsInt(frame), entry.rows());
        }
        return frame;
    }

    /**
     * Reads every table not yet loaded in its stored widths, two at a time (decompressing is the
     * cost, and this machine class has 2 cores; an uncompressed file is only mapped).
     */
    private void readAllInParallel() {
        List<HomeCreditTable> missing;
        synchronized (this) {
            missing = java.util.Arrays.stream(HomeCreditTable.values())
                    .filter(t -> has(t) && !compact.containsKey(t)).toList();
        }
        if (missing.size() < 2) {
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<CompactTable>> reads = missing.stream()
                    .map(t -> pool.submit(() -> checked(t, ColumnarTableFile::readCompact, CompactTable::rowCount)))
                    .toList();
            for (int i = 0; i < missing.size(); i++) {
                CompactTable frame;
                try {
                    frame = reads.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new CreditDeskException(e.getCause(), EngineMessage.COULD_NOT_READ, missing.get(i).fileName(), String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CreditDeskException(e, EngineMessage.INTERRUPTED_READING, folder);
                }
                synchronized (this) {
                    compact.putIfAbsent(missing.get(i), frame);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every table, loaded in its stored widths (widened into Tablesaw columns only if a caller asks
     * {@link HomeCreditData#table} for one): opening a full-scale dataset decodes nothing.
     */
    public HomeCreditData load() {
        readAllInParallel();
        Map<HomeCreditTable, Table> tables = new EnumMap<>(HomeCreditTable.class);
        Map<HomeCreditTable, CompactTable> stored = new EnumMap<>(HomeCreditTable.class);
        for (HomeCreditTable t : HomeCreditTable.values()) {
            synchronized (this) {
                if (loaded.containsKey(t)) {
                    tables.put(t, loaded.get(t));
                }
            }
            compactTable(t).ifPresent(frame -> stored.put(t, frame));
        }
        Map<HomeCreditTable, Long> orphans = new EnumMap<>(HomeCreditTable.class);
        manifest.orphanRows().forEach((file, count) ->
                HomeCreditTable.byFileName(file).ifPresent(t -> orphans.put(t, count)));
        return new HomeCreditData(tables, stored, orphans, manifest.notes());
    }

    /**
     * About how much Java heap opening this dataset and working on it takes, in bytes: the
     * application tables as Tablesaw columns (which training, drift and evaluation widen them to;
     * scoring and explaining read them in place), the child tables that are compressed (inflated in
     * their stored widths; uncompressed ones are mapped, off the heap), the index of every
     * client's history, and a peer index of {@link #PEER_FEATURES} features per client. At Kaggle
     * scale it says about 740 MB where the heap in use after opening and indexing peers is 578 MB
     * (docs/benchmarks.md): a heap smaller than this will not do, so the work is refused before it
     * starts.
     */
    public long heapToOpen() {
        long bytes = 0;
        long clients = 0;
        for (DatasetManifest.TableEntry entry : manifest.tables()) {
            HomeCreditTable table = HomeCreditTable.byFileName(entry.table()).orElse(null);
            if (table == null) {
                continue;
            }
            int columns = HomeCreditSchema.get().columns(table).size();
            if (table.isApplication()) {
                clients += entry.rows();
                bytes += entry.rows() * columns * 8L;
            } else {
                bytes += entry.rows() * 4L;  // the parent keys, copied to group them (import stores rows by client: no order)
                if (entry.file().endsWith(ColumnarTableFile.GZIP_SUFFIX)) {
                    bytes += entry.rows() * columns * 2L;  // most stored columns are 1 to 4 bytes wide
                }
            }
        }
        return bytes + clients * (PEER_FEATURES + 16L) * 8;
    }

    /** Refuses, with what to do, a heap that cannot hold {@link #heapToOpen} (see there). */
    public void requireHeapToOpen(long maxHeap) {
        long needed = heapToOpen();
        if (needed > maxHeap) {
            long suggested = Math.max(1, (long) Math.ceil(2.0 * needed / (1024L * 1024 * 1024)));
            throw new CreditDeskException(EngineMessage.DATASET_NOT_ENOUGH_MEMORY,
                    folder, com.pretadepenser.creditdesk.engine.OutOfMemory.heapText(needed),
                    com.pretadepenser.creditdesk.engine.OutOfMemory.heapText(maxHeap), suggested);
        }
    }

    /** The generator's true probabilities, when this dataset is synthetic and they were kept. */
    public Optional<Path> truthFile() {
        Path truth = folder.resolve(TRUTH);
        return Files.isRegularFile(truth) ? Optional.of(truth) : Optional.empty();
    }

    private Optional<DatasetManifest.TableEntry> entry(HomeCreditTable table) {
        List<DatasetManifest.TableEntry> tables = manifest.tables();
        return tables.stream().filter(e -> e.table().equals(table.fileName())).findFirst();
    }
}
