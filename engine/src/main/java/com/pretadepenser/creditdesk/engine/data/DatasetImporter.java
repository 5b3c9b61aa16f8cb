package com.pretadepenser.creditdesk.engine.data;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Turns a folder of Kaggle-layout CSVs into a {@link LocalDataset}. Everything is written into a
 * temporary folder beside the target and renamed into place only once complete, so a failed or
 * cancelled import leaves nothing half-written; the source files are only ever read.
 */
public final class DatasetImporter {
    /** Written by the synthetic generator beside its CSVs; marks the dataset as synthetic. */
    public static final String SYNTHETIC_MARKER = "synthetic.json";

    /** Importing a byte is about four times the work of hashing it: the bar's fifth for hashing. */
    static final long IMPORT_WEIGHT = 4;

    private final boolean compress;

    /** An importer writing plain table files: the fastest to open. */
    public DatasetImporter() {
        this(false);
    }

    /** @param compress gzip each table file: about 5 times smaller, slower to open (for shipped demo data) */
    public DatasetImporter(boolean compress) {
        this.compress = compress;
    }

    public LocalDataset importFolder(Path from, Path to, boolean replace) {
        return importFolder(from, to, replace, ProgressMonitor.NONE);
    }

    /**
     * As {@link #importFolder(Path, Path, boolean)}; {@code monitor} gets the phase ("hashing
     * application_train.csv", "importing ...", "done") and the work done: each source byte counts
     * once when hashed and {@link #IMPORT_WEIGHT} times when imported. Polled between files and
     * tables: cancelled, the import stops and leaves no dataset folder.
     */
    public LocalDataset importFolder(Path from, Path to, boolean replace, ProgressMonitor monitor) {
        Path source = from.toAbsolutePath().normalize();
        Path target = to.toAbsolutePath().normalize();
        if (target.startsWith(source) || source.startsWith(target)) {
            throw new CreditDeskException(EngineMessage.IMPORT_TARGET_IN_SOURCE, target, source);
        }
        if (Files.exists(target) && !replace) {
            throw new CreditDeskException(EngineMessage.ALREADY_EXISTS_REPLACE, target);
        }
        HomeCreditFolder folder = HomeCreditFolder.scan(source);
        Map<HomeCreditTable, Long> sizes = new LinkedHashMap<>();
        folder.files().forEach((t, f) -> sizes.put(t, size(f)));
        long totalBytes = Math.max(1, sizes.values().stream().mapToLong(Long::longValue).sum());
        long totalWork = (1 + IMPORT_WEIGHT) * totalBytes;
        List<DatasetManifest.Source> sources = new ArrayList<>();
        long hashed = 0;
        for (Map.Entry<HomeCreditTable, Path> file : folder.files().entrySet()) {
            monitor.checkCancelled("import");
            monitor.progress(hashed, totalWork, "hashing " + file.getKey().fileName());
            sources.add(new DatasetManifest.Source(file.getKey().fileName(), FileHashes.sha256(file.getValue()), 0,
                    sizes.get(file.getKey())));
            hashed += sizes.get(file.getKey());
        }
        AtomicFolder.write(target, replace, staging -> {
            List<DatasetManifest.TableEntry> entries = new ArrayList<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            ProgressMonitor importing = new ProgressMonitor() {
                @Override
                public void progress(long done, long total, String file) {
                    monitor.progress(totalBytes + IMPORT_WEIGHT * done, totalWork, "importing " + file);
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCancelled();
                }
            };
            HomeCreditFolder.Checks checks = folder.stream(importing,
                    (table, frame) -> {
                        String fileName = table.fileName().replace(".csv", LocalDataset.EXTENSION)
                                + (compress ? ColumnarTableFile.GZIP_SUFFIX : "");
                        try {
                            ColumnarTableFile.write(byParentKey(table, frame), table.fileName(), staging.resolve(fileName));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        entries.add(new DatasetManifest.TableEntry(table.fileName(), fileName, frame.rowCount()));
                        rows.put(table.fileName(), (long) frame.rowCount());
                    });
            List<DatasetManifest.Source> counted = sources.stream().map(s -> new DatasetManifest.Source(s.file(), s.sha256(),
                    rows.getOrDefault(s.file(), 0L), s.bytes())).toList();
            Map<String, Object> generator = readGeneratorMarker(source);
            copyTruth(source, staging);
            Map<String, Long> orphans = new LinkedHashMap<>();
            checks.orphans().forEach((t, n) -> orphans.put(t.fileName(), n));
            DatasetManifest manifest = new DatasetManifest(DatasetManifest.SCHEMA_VERSION, Instant.now().toString(),
                    generator != null, generator, source.toString(), counted, entries, orphans, checks.notes());
            LocalDataset.JSON.writerWithDefaultPrettyPrinter().writeValue(staging.resolve(LocalDataset.MANIFEST).toFile(), manifest);
        });
        monitor.progress(totalWork, totalWork, "done");
        return LocalDataset.open(target);
    }

    /**
     * A child table with its rows in the order of its parent key, each client's rows in file order
     * (a stable sort): a client's history is then one contiguous range, found without sorting when
     * the dataset opens. The rows, their values and their count are unchanged.
     */
    static Table byParentKey(HomeCreditTable table, Table frame) {
        if (table.parentKey().isEmpty()) {
            return frame;
        }
        int[] keys = frame.intColumn(table.parentKey().get()).asIntArray();
        boolean sorted = true;
        for (int i = 1; i < keys.length && sorted; i++) {
            sorted = keys[i - 1] <= keys[i];
        }
        if (sorted) {
            return frame;
        }
        int[] order = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        it.unimi.dsi.fastutil.ints.IntArrays.radixSortIndirect(order, keys, true);
        java.util.List<tech.tablesaw.columns.Column<?>> columns = new ArrayList<>();
        for (tech.tablesaw.columns.Column<?> column : frame.columns()) {
            if (column instanceof tech.tablesaw.api.IntColumn ints) {
                int[] values = new int[order.length];
                for (int i = 0; i < order.length; i++) {
                    values[i] = ints.getInt(order[i]);
                }
                columns.add(tech.tablesaw.api.IntColumn.create(column.name(), values));
            } else if (column instanceof tech.tablesaw.api.DoubleColumn doubles) {
                double[] values = new double[order.length];
                for (int i = 0; i < order.length; i++) {
                    values[i] = doubles.getDouble(order[i]);
                }
                columns.add(tech.tablesaw.api.DoubleColumn.create(column.name(), values));
            } else if (column instanceof tech.tablesaw.api.StringColumn strings) {
                tech.tablesaw.api.StringColumn values = tech.tablesaw.api.StringColumn.create(column.name());
                for (int row : order) {
                    values.append(strings.get(row));
                }
                columns.add(values);
            } else {
                throw new IllegalArgumentException("unsupported column type " + column.type() + " for " + column.name());
            }
        }
        return Table.create(frame.name(), columns);
    }

    private static Map<String, Object> readGeneratorMarker(Path source) throws IOException {
        Path marker = source.resolve(SYNTHETIC_MARKER);
        if (!Files.isRegularFile(marker)) {
            return null;
        }
        return LocalDataset.JSON.readValue(marker.toFile(), new TypeReference<Map<String, Object>>() { });
    }

    private static void copyTruth(Path source, Path staging) throws IOException {
        Path truth = source.resolve(LocalDataset.TRUTH);
        if (Files.isRegularFile(truth)) {
            Files.copy(truth, staging.resolve(LocalDataset.TRUTH));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_READ, file, e.getMessage());
        }
    }
}
