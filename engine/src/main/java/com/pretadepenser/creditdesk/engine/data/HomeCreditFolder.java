package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.EngineText;
import com.pretadepenser.creditdesk.engine.WorkerThreads;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A folder of Kaggle-layout CSV files, read as a whole: every table found is read with {@link
 * CsvTableReader}, then checked across tables (an applicant in both train and test, child rows
 * whose parent is absent).
 */
public final class HomeCreditFolder {
    private final Path folder;
    private final Map<HomeCreditTable, Path> files;
    private final List<Path> unknownFiles;

    private HomeCreditFolder(Path folder, Map<HomeCreditTable, Path> files, List<Path> unknownFiles) {
        this.folder = folder;
        this.files = files;
        this.unknownFiles = unknownFiles;
    }

    /** Lists the Kaggle files in a folder; refuses a folder with no application file. */
    public static HomeCreditFolder scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CreditDeskException(EngineMessage.NOT_A_FOLDER, folder);
        }
        Map<HomeCreditTable, Path> files = new EnumMap<>(HomeCreditTable.class);
        List<Path> unknown = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path path : entries.sorted().toList()) {
                String name = path.getFileName().toString();
                if (!Files.isRegularFile(path) || !name.toLowerCase().endsWith(".csv")) {
                    continue;
                }
                Optional<HomeCreditTable> table = HomeCreditTable.byFileName(name);
                if (table.isPresent()) {
                    files.put(table.get(), path);
                } else {
                    unknown.add(path);
                }
            }
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_LIST, folder, e.getMessage());
        }
        if (!files.containsKey(HomeCreditTable.APPLICATION_TRAIN) && !files.containsKey(HomeCreditTable.APPLICATION_TEST)) {
            throw new CreditDeskException(EngineMessage.NO_APPLICATION_FILE, folder);
        }
        return new HomeCreditFolder(folder, files, unknown);
    }

    public Path folder() {
        return folder;
    }

    /** The Kaggle files found, by table. */
    public Map<HomeCreditTable, Path> files() {
        return Collections.unmodifiableMap(files);
    }

    /** CSV files that are not part of the layout (e.g. the column dictionary); they are not read. */
    public List<Path> unknownFiles() {
        return List.copyOf(unknownFiles);
    }

    public HomeCreditData read() {
        return read(ProgressMonitor.NONE);
    }

    /**
     * Reads every table into memory, telling {@code monitor} as {@link #stream(ProgressMonitor, BiConsumer)}
     * does. The child tables are parsed straight into their stored widths (as an imported
     * dataset keeps them), never widened into Tablesaw columns: at full scale those took three
     * times the memory while a file was read.
     */
    public HomeCreditData read(ProgressMonitor monitor) {
        Map<HomeCreditTable, Table> tables = new LinkedHashMap<>();
        Map<HomeCreditTable, CompactTable> children = new LinkedHashMap<>();
        Checks checks = stream(monitor, read -> {
            if (read.frame() != null) {
                tables.put(read.table(), read.frame());
            } else {
                children.put(read.table(), read.compact());
            }
        }, atOnce(), true);
        return new HomeCreditData(tables, children, checks.orphans(), checks.notes());
    }

    /**
     * One table as read: the application tables as a Tablesaw frame; the child tables too, or
     * ({@code compactChildren}) parsed straight into their stored widths.
     */
    private record Read(HomeCreditTable table, Table frame, CompactTable compact, List<String> notes) {
        int[] ints(String column) {
            return frame != null ? frame.intColumn(column).asIntArray() : compact.ints(column);
        }
    }

    /** What reading the folder found across tables. */
    public record Checks(Map<HomeCreditTable, Long> orphans, List<String> notes) {
    }

    /**
     * Reads the tables, parents before children, handing each to {@code consumer} in that order
     * and keeping only the keys needed for the cross-table checks. When the heap is at least
     * {@link #PARALLEL_HEAP_SHARE} times the folder's size, two files are parsed at once (officers'
     * machines have at least two cores): while the consumer takes one table, the next is being
     * read, so that a caller that writes each table away holds two tables in memory at most; on a
     * smaller heap one at a time (at full scale, 2.5 GB of CSV, a 3 GB heap reads them in turn).
     * {@code monitor} is told the bytes read of all the folder's files, with the name of the file
     * being read (by one thread at a time, possibly for two files in turn), and polled before
     * each table is handed over: cancelled, the reading stops.
     */
    public Checks stream(ProgressMonitor monitor, BiConsumer<HomeCreditTable, Table> consumer) {
        return stream(monitor, consumer, atOnce());
    }

    private int atOnce() {
        return Runtime.getRuntime().maxMemory() >= PARALLEL_HEAP_SHARE * bytes() ? 2 : 1;
    }

    /** The size of the folder's table files. */
    long bytes() {
        return files.values().stream().mapToLong(p -> p.toFile().length()).sum();
    }

    /** As above, parsing {@code atOnce} files at a time (1 or 2). */
    Checks stream(ProgressMonitor monitor, BiConsumer<HomeCreditTable, Table> consumer, int atOnce) {
        return stream(monitor, read -> consumer.accept(read.table(), read.frame()), atOnce, false);
    }

    private Checks stream(ProgressMonitor monitor, Consumer<Read> consumer, int atOnce, boolean compactChildren) {
        CsvTableReader reader = new CsvTableReader();
        List<String> notes = new ArrayList<>();
        IntOpenHashSet clients = new IntOpenHashSet();
        IntOpenHashSet bureauIds = new IntOpenHashSet();
        Map<HomeCreditTable, Long> orphans = new EnumMap<>(HomeCreditTable.class);
        List<Map.Entry<HomeCreditTable, Path>> entries = new ArrayList<>(files.entrySet());
        List<Future<Read>> reads = new ArrayList<>();
        Map<HomeCreditTable, Long> read = new EnumMap<>(HomeCreditTable.class);
        long folderBytes = Math.max(1, bytes());
        ExecutorService pool = WorkerThreads.pool("csv-read");
        try {
            for (int i = 0; i < entries.size(); i++) {
                while (reads.size() < Math.min(entries.size(), i + atOnce)) {
                    Map.Entry<HomeCreditTable, Path> next = entries.get(reads.size());
                    ProgressMonitor progress = new ProgressMonitor() {
                        @Override
                        public void progress(long bytes, long fileBytes, String file) {
                            synchronized (read) {
                                read.put(next.getKey(), bytes);
                                monitor.progress(read.values().stream().mapToLong(Long::longValue).sum(), folderBytes, file);
                            }
                        }

                        @Override
                        public boolean isCancelled() {
                            return monitor.isCancelled();
                        }
                    };
                    reads.add(pool.submit(() -> read(reader, next.getKey(), next.getValue(), progress, compactChildren)));
                }
                Read loaded = WorkerThreads.result(reads.get(i));
                reads.set(i, null);
                HomeCreditTable table = entries.get(i).getKey();
                loaded.notes().forEach(note -> notes.add(table.fileName() + ": " + note));
                if (table.isApplication()) {
                    addClients(clients, loaded.frame(), table == HomeCreditTable.APPLICATION_TEST ? entries.get(i).getValue() : null);
                } else {
                    IntOpenHashSet parents = table == HomeCreditTable.BUREAU_BALANCE ? bureauIds : clients;
                    String parentKey = table.parentKey().orElseThrow();
                    int[] keys = loaded.ints(parentKey);
                    long count = countMissing(keys, parents);
                    orphans.put(table, count);
                    if (count > 0) {
                        notes.add(orphanNote(table, parentKey, keys, parents, count));
                    }
                    if (table == HomeCreditTable.BUREAU) {
                        bureauIds.addAll(IntOpenHashSet.of(loaded.ints("SK_ID_BUREAU")));
                    }
                }
                monitor.checkCancelled("reading");
                consumer.accept(loaded);
            }
        } finally {
            pool.shutdownNow();
        }
        for (Path path : unknownFiles) {
            notes.add(path.getFileName() + ": not a Home Credit table, not read");
        }
        return new Checks(orphans, notes);
    }

    private static Read read(CsvTableReader reader, HomeCreditTable table, Path file, ProgressMonitor progress, boolean compact) {
        if (compact && !table.isApplication()) {
            CsvTableReader.CompactRead read = reader.readCompact(table, file, progress);
            return new Read(table, null, read.table(), read.notes());
        }
        LoadedTable read = reader.read(table, file, progress);
        return new Read(table, read.frame(), null, read.notes());
    }

    /**
     * Heap per byte of CSV needed to read two files at once: at full scale (2.5 GB of CSV) two at
     * once ran in the default 6 GB heap and not in 3 GB, one at a time in 3 GB.
     */
    static final double PARALLEL_HEAP_SHARE = 2.0;

    /** Adds the applicants; for the test file, refuses one already seen in train. */
    private static void addClients(IntOpenHashSet clients, Table frame, Path testFile) {
        IntColumn ids = frame.intColumn("SK_ID_CURR");
        for (int row = 0; row < ids.size(); row++) {
            if (!clients.add(ids.getInt(row)) && testFile != null) {
                throw DataFormatException.atValue(testFile, row + 2, "SK_ID_CURR",
                        Integer.toString(ids.getInt(row)), EngineText.of(EngineMessage.TEST_ID_IN_TRAIN),
                        EngineText.of(EngineMessage.TEST_ID_IN_TRAIN_HINT));
            }
        }
    }

    /** Says how many rows of a child table have no parent, and where the first is, so it can be looked up. */
    private static String orphanNote(HomeCreditTable table, String parentKey, int[] keys, IntOpenHashSet parents, long count) {
        int first = 0;
        while (parents.contains(keys[first])) {
            first++;
        }
        String parentFile = table == HomeCreditTable.BUREAU_BALANCE ? HomeCreditTable.BUREAU.fileName() : "the application files";
        return "%s: %,d row%s with a %s absent from %s, kept but joined to no client; the first is line %d (%s %d)"
                .formatted(table.fileName(), count, count == 1 ? "" : "s", parentKey, parentFile, first + 2, parentKey, keys[first]);
    }

    private static long countMissing(int[] keys, IntOpenHashSet parents) {
        long count = 0;
        for (int key : keys) {
            if (!parents.contains(key)) {
                count++;
            }
        }
        return count;
    }
}
