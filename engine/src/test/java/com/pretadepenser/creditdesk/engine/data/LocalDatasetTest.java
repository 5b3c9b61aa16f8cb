package com.pretadepenser.creditdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.RecordingMonitor;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class LocalDatasetTest {
    @TempDir
    Path dir;

    private Path sampleFolder() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        new CsvFixture(HomeCreditTable.APPLICATION_TRAIN)
                .row(Map.of("SK_ID_CURR", "100002", "TARGET", "1", "AMT_CREDIT", "406597.5", "EXT_SOURCE_1", "",
                        "DAYS_EMPLOYED", "365243", "CNT_CHILDREN", "2", "FLAG_OWN_CAR", "Y", "OCCUPATION_TYPE", ""))
                .row(Map.of("SK_ID_CURR", "100003", "TARGET", "0", "AMT_CREDIT", "1293502.5", "EXT_SOURCE_1", "0.311",
                        "DAYS_EMPLOYED", "-1188", "CNT_CHILDREN", "", "FLAG_OWN_CAR", "N", "OCCUPATION_TYPE", "Laborers"))
                .writeTo(csv);
        new CsvFixture(HomeCreditTable.BUREAU)
                .row(Map.of("SK_ID_CURR", "100002", "SK_ID_BUREAU", "6158904", "AMT_CREDIT_SUM", "-0.5"))
                .row(Map.of("SK_ID_CURR", "123456", "SK_ID_BUREAU", "6158905"))
                .writeTo(csv);
        return csv;
    }

    @Test
    void roundTripKeepsEveryValueMissingMarkerAndText() throws IOException {
        Path csv = sampleFolder();
        HomeCreditData original = HomeCreditFolder.scan(csv).read();

        LocalDataset dataset = new DatasetImporter().importFolder(csv, dir.resolve("dataset"), false);
        HomeCreditData reopened = LocalDataset.open(dir.resolve("dataset")).load();

        for (HomeCreditTable table : original.tables().keySet()) {
            Table a = original.table(table).orElseThrow();
            Table b = reopened.table(table).orElseThrow();
            assertEquals(a.columnNames(), b.columnNames());
            for (String column : a.columnNames()) {
                assertEquals(a.column(column).type(), b.column(column).type(), column);
                assertEquals(a.column(column).asList(), b.column(column).asList(), table + "." + column);
            }
        }
        assertEquals(1L, reopened.orphans().get(HomeCreditTable.BUREAU));
        assertFalse(dataset.isSynthetic());
    }

    @Test
    void importReportsItsPhasesUpToAllTheWork() throws IOException {
        RecordingMonitor monitor = new RecordingMonitor();
        new DatasetImporter().importFolder(sampleFolder(), dir.resolve("dataset"), false, monitor);

        List<RecordingMonitor.Report> reports = monitor.reports();
        assertTrue(reports.get(0).message().startsWith("hashing "), reports.get(0).toString());
        assertTrue(reports.stream().anyMatch(r -> r.message().equals("importing application_train.csv")), reports.toString());
        assertEquals("done", monitor.last().message());
        assertEquals(monitor.last().total(), monitor.last().done());
        assertTrue(monitor.doneNeverGoesBack(), reports.toString());
    }

    @Test
    void aCancelledImportLeavesNoDatasetFolder() throws IOException {
        Path csv = sampleFolder();
        Path parent = Files.createDirectories(dir.resolve("cancelled"));
        // Cancelled once the first table is being imported: after hashing, during the reading.
        RecordingMonitor monitor = new RecordingMonitor(reports -> reports.stream().anyMatch(r -> r.message().startsWith("importing ")));

        assertThrows(java.util.concurrent.CancellationException.class,
                () -> new DatasetImporter().importFolder(csv, parent.resolve("dataset"), false, monitor));

        try (var left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "neither the dataset nor its staging folder");
        }
    }

    @Test
    void importStoresChildRowsClientByClientKeepingEachClientsFileOrder() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("unsorted"));
        new CsvFixture(HomeCreditTable.APPLICATION_TRAIN)
                .row(Map.of("SK_ID_CURR", "100002", "TARGET", "1")).row(Map.of("SK_ID_CURR", "100003", "TARGET", "0")).writeTo(csv);
        new CsvFixture(HomeCreditTable.BUREAU)
                .row(Map.of("SK_ID_CURR", "100003", "SK_ID_BUREAU", "3", "CREDIT_ACTIVE", "Closed"))
                .row(Map.of("SK_ID_CURR", "100002", "SK_ID_BUREAU", "9", "CREDIT_ACTIVE", "Active"))
                .row(Map.of("SK_ID_CURR", "100003", "SK_ID_BUREAU", "1", "CREDIT_ACTIVE", "Sold", "AMT_CREDIT_SUM", "-0.5"))
                .writeTo(csv);

        new DatasetImporter().importFolder(csv, dir.resolve("dataset"), false);
        Table bureau = LocalDataset.open(dir.resolve("dataset")).load().table(HomeCreditTable.BUREAU).orElseThrow();

        assertArrayEquals(new int[] {100002, 100003, 100003}, bureau.intColumn("SK_ID_CURR").asIntArray());
        assertArrayEquals(new int[] {9, 3, 1}, bureau.intColumn("SK_ID_BUREAU").asIntArray(), "each client's rows in file order");
        assertEquals(List.of("Active", "Closed", "Sold"), bureau.stringColumn("CREDIT_ACTIVE").asList(), "text moves with its row");
        assertEquals(-0.5, bureau.doubleColumn("AMT_CREDIT_SUM").getDouble(2), 0, "numbers move with their row");
        assertEquals(List.of("100003,3", "100002,9", "100003,1"), Files.readAllLines(csv.resolve("bureau.csv")).stream().skip(1)
                .map(l -> String.join(",", java.util.Arrays.copyOf(l.split(",", -1), 2))).toList(), "the source file is untouched");
    }

    @Test
    void identityIsStableAcrossOpeningsAndChangesWhenATableFileIsTouchedOrTheDataImportedAgain() throws IOException {
        Path csv = sampleFolder();
        Path folder = dir.resolve("dataset");
        String first = new DatasetImporter().importFolder(csv, folder, false).identity();
        assertEquals(64, first.length());
        assertEquals(first, LocalDataset.open(folder).identity(), "reopening the same files gives the same identity");

        DatasetManifest manifest = LocalDataset.open(folder).manifest();
        Path table = folder.resolve(manifest.tables().get(0).file());
        Files.setLastModifiedTime(table, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(table).toMillis() + 5_000));
        String touched = LocalDataset.open(folder).identity();
        assertFalse(first.equals(touched), "a table file changed after the import makes caches of the dataset stale");

        String again = new DatasetImporter().importFolder(csv, folder, true).identity();
        assertFalse(again.equals(first) || again.equals(touched), "a new import (a new manifest) is other data for the caches");
    }

    @Test
    void manifestRecordsEachSourceHashRowCountAndTheImportTime() throws IOException {
        Path csv = sampleFolder();
        java.time.Instant before = java.time.Instant.now();

        DatasetManifest manifest = new DatasetImporter().importFolder(csv, dir.resolve("dataset"), false).manifest();

        java.time.Instant importedAt = java.time.Instant.parse(manifest.importedAt());
        assertFalse(importedAt.isBefore(before.minusSeconds(1)) || importedAt.isAfter(java.time.Instant.now()), manifest.importedAt());

        DatasetManifest.Source train = manifest.sources().stream()
                .filter(s -> s.file().equals("application_train.csv")).findFirst().orElseThrow();
        assertEquals(FileHashes.sha256(csv.resolve("application_train.csv")), train.sha256());
        assertEquals(64, train.sha256().length());
        assertEquals(2, train.rows());
        assertEquals(Files.size(csv.resolve("application_train.csv")), train.bytes());
    }

    @Test
    void failedImportLeavesNothingBehindAndSourceUntouched() throws IOException {
        Path csv = sampleFolder();
        new CsvFixture(HomeCreditTable.BUREAU_BALANCE)
                .row(Map.of("SK_ID_BUREAU", "6158904", "MONTHS_BALANCE", "minus three")).writeTo(csv);
        Map<String, String> before = hashes(csv);

        assertThrows(DataFormatException.class,
                () -> new DatasetImporter().importFolder(csv, dir.resolve("dataset"), false));

        assertFalse(Files.exists(dir.resolve("dataset")));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("csv"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(before, hashes(csv));
    }

    @Test
    void refusesToOverwriteAnExistingDatasetUnlessAskedTo() throws IOException {
        Path csv = sampleFolder();
        new DatasetImporter().importFolder(csv, dir.resolve("dataset"), false);

        CreditDeskException e = assertThrows(CreditDeskException.class,
                () -> new DatasetImporter().importFolder(csv, dir.resolve("dataset"), false));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());

        LocalDataset replaced = new DatasetImporter().importFolder(csv, dir.resolve("dataset"), true);
        assertEquals(2, replaced.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow().rowCount());
    }

    @Test
    void refusesATargetInsideTheSourceFolder() throws IOException {
        Path csv = sampleFolder();

        CreditDeskException e = assertThrows(CreditDeskException.class,
                () -> new DatasetImporter().importFolder(csv, csv.resolve("dataset"), false));

        assertTrue(e.getMessage().contains("must not be inside the source folder"), e.getMessage());
    }

    @Test
    void truncatedTableFileIsReportedAsDamaged() throws IOException {
        Path csv = sampleFolder();
        new DatasetImporter().importFolder(csv, dir.resolve("dataset"), false);
        Path tableFile = dir.resolve("dataset").resolve("application_train.cdt");
        try (RandomAccessFile raf = new RandomAccessFile(tableFile.toFile(), "rw")) {
            raf.setLength(raf.length() - 20);
        }

        LocalDataset dataset = LocalDataset.open(dir.resolve("dataset"));
        CreditDeskException e = assertThrows(CreditDeskException.class,
                () -> dataset.table(HomeCreditTable.APPLICATION_TRAIN));

        assertTrue(e.getMessage().contains("application_train.cdt is truncated"), e.getMessage());
    }

    @Test
    void compressedDatasetGivesBackTheSameValues() throws IOException {
        Path csv = sampleFolder();
        HomeCreditData plain = new DatasetImporter().importFolder(csv, dir.resolve("plain"), false).load();

        LocalDataset compressed = new DatasetImporter(true).importFolder(csv, dir.resolve("small"), false);

        assertTrue(Files.isRegularFile(dir.resolve("small").resolve("application_train.cdt.gz")));
        Table a = plain.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        Table b = compressed.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        for (String column : a.columnNames()) {
            assertEquals(a.column(column).asList(), b.column(column).asList(), column);
        }
    }

    @Test
    void truncatedCompressedTableIsReportedAsDamaged() throws IOException {
        Path csv = sampleFolder();
        new DatasetImporter(true).importFolder(csv, dir.resolve("small"), false);
        Path tableFile = dir.resolve("small").resolve("bureau.cdt.gz");
        try (RandomAccessFile raf = new RandomAccessFile(tableFile.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }

        LocalDataset dataset = LocalDataset.open(dir.resolve("small"));
        CreditDeskException e = assertThrows(CreditDeskException.class, () -> dataset.table(HomeCreditTable.BUREAU));

        assertTrue(e.getMessage().contains("bureau.cdt.gz is not a complete compressed table"), e.getMessage());
    }

    @Test
    void openingAFolderWithoutManifestSaysHowToImport() {
        CreditDeskException e = assertThrows(CreditDeskException.class, () -> LocalDataset.open(dir));

        assertTrue(e.getMessage().contains("creditdesk import --from"), e.getMessage());
    }

    @Test
    void syntheticMarkerAndTruthFileAreCarriedIntoTheDataset() throws IOException {
        Path csv = sampleFolder();
        Files.writeString(csv.resolve(DatasetImporter.SYNTHETIC_MARKER), "{\"seed\": 7}");
        Files.writeString(csv.resolve(LocalDataset.TRUTH), "SK_ID_CURR,TRUE_PD\n100002,0.2\n");

        LocalDataset dataset = new DatasetImporter().importFolder(csv, dir.resolve("dataset"), false);

        assertTrue(dataset.isSynthetic());
        assertEquals(7, dataset.manifest().generator().get("seed"));
        assertArrayEquals(Files.readAllBytes(csv.resolve(LocalDataset.TRUTH)),
                Files.readAllBytes(dataset.truthFile().orElseThrow()));
    }

    private static Map<String, String> hashes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.collect(java.util.stream.Collectors.toMap(
                    p -> p.getFileName().toString(), FileHashes::sha256));
        }
    }
}
