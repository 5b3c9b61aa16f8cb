package com.pretadepenser.creditdesk.engine.data;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
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
            throw new CreditDeskException("Not a folder: " + folder + ". Give the folder that holds the Kaggle CSV files.");
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
            throw new CreditDeskException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (!files.containsKey(HomeCreditTable.APPLICATION_TRAIN) && !files.containsKey(HomeCreditTable.APPLICATION_TEST)) {
            throw new CreditDeskException("No application_train.csv or application_test.csv in " + folder
                    + ". A Home Credit folder needs at least one application file.");
        }
        return new HomeCreditFolder(folder, files, unknown);
    }

    public Path folder() {
        return folder;
    }

    /** The Kaggle files found, by table. */
    public Map<HomeCreditTable, Path> files() {
        return Map.copyOf(files);
    }

    /** CSV files that are not part of the layout (e.g. the column dictionary); they are not read. */
    public List<Path> unknownFiles() {
        return List.copyOf(unknownFiles);
    }

    public HomeCreditData read() {
        return read((table, bytes) -> { });
    }

    /** Reads every table; {@code progress} receives (table, bytes read in that table's file). */
    public HomeCreditData read(BiConsumer<HomeCreditTable, Long> progress) {
        CsvTableReader reader = new CsvTableReader();
        Map<HomeCreditTable, Table> tables = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<HomeCreditTable, Path> entry : files.entrySet()) {
            HomeCreditTable table = entry.getKey();
            LoadedTable loaded = reader.read(table, entry.getValue(), bytes -> progress.accept(table, bytes));
            tables.put(table, loaded.frame());
            loaded.notes().forEach(note -> notes.add(table.fileName() + ": " + note));
        }
        for (Path path : unknownFiles) {
            notes.add(path.getFileName() + ": not a Home Credit table, not read");
        }
        refuseApplicantsInBothFiles(tables);
        return new HomeCreditData(tables, countOrphans(tables), notes);
    }

    private void refuseApplicantsInBothFiles(Map<HomeCreditTable, Table> tables) {
        Table train = tables.get(HomeCreditTable.APPLICATION_TRAIN);
        Table test = tables.get(HomeCreditTable.APPLICATION_TEST);
        if (train == null || test == null) {
            return;
        }
        IntOpenHashSet trainIds = new IntOpenHashSet(train.intColumn("SK_ID_CURR").asIntArray());
        IntColumn testIds = test.intColumn("SK_ID_CURR");
        for (int row = 0; row < testIds.size(); row++) {
            if (trainIds.contains(testIds.getInt(row))) {
                throw DataFormatException.atValue(files.get(HomeCreditTable.APPLICATION_TEST), row + 2, "SK_ID_CURR",
                        Integer.toString(testIds.getInt(row)), "is also in application_train.csv",
                        "An applicant is either labelled (train) or not (test), never both.");
            }
        }
    }

    /** Counts child rows whose parent key is absent; the rows are kept. */
    static Map<HomeCreditTable, Long> countOrphans(Map<HomeCreditTable, Table> tables) {
        IntOpenHashSet clients = new IntOpenHashSet();
        for (HomeCreditTable app : List.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST)) {
            if (tables.containsKey(app)) {
                clients.addAll(IntOpenHashSet.of(tables.get(app).intColumn("SK_ID_CURR").asIntArray()));
            }
        }
        Map<HomeCreditTable, Long> orphans = new EnumMap<>(HomeCreditTable.class);
        for (Map.Entry<HomeCreditTable, Table> entry : tables.entrySet()) {
            HomeCreditTable table = entry.getKey();
            if (table.parentKey().isEmpty()) {
                continue;
            }
            IntOpenHashSet parents;
            if (table == HomeCreditTable.BUREAU_BALANCE) {
                Table bureau = tables.get(HomeCreditTable.BUREAU);
                parents = bureau == null ? new IntOpenHashSet() : IntOpenHashSet.of(bureau.intColumn("SK_ID_BUREAU").asIntArray());
            } else {
                parents = clients;
            }
            int[] keys = entry.getValue().intColumn(table.parentKey().get()).asIntArray();
            long count = 0;
            for (int key : keys) {
                if (!parents.contains(key)) {
                    count++;
                }
            }
            orphans.put(table, count);
        }
        return orphans;
    }
}
