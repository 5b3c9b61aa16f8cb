package com.pretadepenser.creditdesk.engine.data;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tech.tablesaw.api.Table;

/**
 * Turns a folder of Kaggle-layout CSVs into a {@link LocalDataset}. Everything is written into a
 * temporary folder beside the target and renamed into place only once complete, so a failed or
 * cancelled import leaves nothing half-written; the source files are only ever read.
 */
public final class DatasetImporter {
    /** Written by the synthetic generator beside its CSVs; marks the dataset as synthetic. */
    public static final String SYNTHETIC_MARKER = "synthetic.json";

    public LocalDataset importFolder(Path from, Path to, boolean replace) {
        return importFolder(from, to, replace, (phase, fraction) -> { });
    }

    /** As {@link #importFolder(Path, Path, boolean)}; {@code progress} gets a phase name and a fraction 0..1. */
    public LocalDataset importFolder(Path from, Path to, boolean replace, BiConsumer<String, Double> progress) {
        Path source = from.toAbsolutePath().normalize();
        Path target = to.toAbsolutePath().normalize();
        if (target.startsWith(source) || source.startsWith(target)) {
            throw new CreditDeskException("The dataset folder " + target + " must not be inside the source folder "
                    + source + " or contain it: the source files are never touched.");
        }
        if (Files.exists(target) && !replace) {
            throw new CreditDeskException(target + " already exists. Choose another folder, or replace it with --replace.");
        }
        HomeCreditFolder folder = HomeCreditFolder.scan(source);
        long totalBytes = folder.files().values().stream().mapToLong(DatasetImporter::size).sum();
        long[] doneBytes = {0};
        List<DatasetManifest.Source> sources = new ArrayList<>();
        folder.files().forEach((table, file) -> sources.add(new DatasetManifest.Source(
                table.fileName(), FileHashes.sha256(file), 0, size(file))));
        Map<HomeCreditTable, Long> sizes = new LinkedHashMap<>();
        folder.files().forEach((t, f) -> sizes.put(t, size(f)));
        HomeCreditData data = folder.read((table, bytes) -> {
            long before = sizes.entrySet().stream().takeWhile(e -> e.getKey() != table).mapToLong(Map.Entry::getValue).sum();
            doneBytes[0] = before + bytes;
            progress.accept("reading " + table.fileName(), 0.9 * doneBytes[0] / Math.max(1, totalBytes));
        });
        progress.accept("writing", 0.9);
        AtomicFolder.write(target, replace, staging -> {
            List<DatasetManifest.TableEntry> entries = new ArrayList<>();
            for (Map.Entry<HomeCreditTable, Table> entry : data.tables().entrySet()) {
                String fileName = entry.getKey().fileName().replace(".csv", LocalDataset.EXTENSION);
                ColumnarTableFile.write(entry.getValue(), entry.getKey().fileName(), staging.resolve(fileName));
                entries.add(new DatasetManifest.TableEntry(entry.getKey().fileName(), fileName, entry.getValue().rowCount()));
            }
            List<DatasetManifest.Source> counted = sources.stream().map(s -> new DatasetManifest.Source(s.file(), s.sha256(),
                    HomeCreditTable.byFileName(s.file()).map(data::rowCount).orElse(0), s.bytes())).toList();
            Map<String, Object> generator = readGeneratorMarker(source);
            copyTruth(source, staging);
            Map<String, Long> orphans = new LinkedHashMap<>();
            data.orphans().forEach((t, n) -> orphans.put(t.fileName(), n));
            DatasetManifest manifest = new DatasetManifest(DatasetManifest.SCHEMA_VERSION, Instant.now().toString(),
                    generator != null, generator, source.toString(), counted, entries, orphans, data.notes());
            LocalDataset.JSON.writerWithDefaultPrettyPrinter().writeValue(staging.resolve(LocalDataset.MANIFEST).toFile(), manifest);
        });
        progress.accept("done", 1.0);
        return LocalDataset.open(target);
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
            throw new CreditDeskException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
