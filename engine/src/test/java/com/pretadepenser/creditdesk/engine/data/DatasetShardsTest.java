package com.pretadepenser.creditdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.synth.SyntheticGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@code creditdesk shard}: every client with all its rows in one part, no row lost or doubled. */
class DatasetShardsTest {
    @TempDir
    static Path dir;
    static Map<HomeCreditTable, Table> whole;
    static List<Map<HomeCreditTable, Table>> parts = new ArrayList<>();
    static final int PARTS = 3;

    @BeforeAll
    static void splitASyntheticDataset() {
        new SyntheticGenerator().generate(SyntheticGenerator.Settings.kaggleSplit(600, 17), dir.resolve("csv"), false);
        new DatasetImporter().importFolder(dir.resolve("csv"), dir.resolve("ds"), false);
        whole = LocalDataset.open(dir.resolve("ds")).load().tables();
        DatasetShards.Summary summary = DatasetShards.split(dir.resolve("ds"), PARTS, dir.resolve("shards"), false, ProgressMonitor.NONE);
        for (Path part : summary.parts()) {
            parts.add(LocalDataset.open(part).load().tables());
        }
    }

    @Test
    void everyRowOfEverySevenTablesIsInExactlyOnePart() {
        assertEquals(8, whole.size(), "the generator writes the seven tables (train and test applications)");
        for (HomeCreditTable table : whole.keySet()) {
            List<String> all = rows(whole.get(table));
            List<String> split = new ArrayList<>();
            for (Map<HomeCreditTable, Table> part : parts) {
                assertEquals(whole.get(table).columnNames(), part.get(table).columnNames(), table + " keeps its columns");
                split.addAll(rows(part.get(table)));
            }
            all.sort(null);
            split.sort(null);
            assertEquals(all.size(), split.size(), table + ": no row lost or doubled");
            assertEquals(all, split, table + ": the same rows, value for value");
        }
    }

    @Test
    void aClientsRowsAllFollowItsApplication() {
        for (int k = 0; k < PARTS; k++) {
            Map<HomeCreditTable, Table> part = parts.get(k);
            Set<Integer> clients = new HashSet<>();
            for (HomeCreditTable application : List.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST)) {
                for (int id : part.get(application).intColumn("SK_ID_CURR").asIntArray()) {
                    clients.add(id);
                    assertEquals(k, DatasetShards.partOf(id, PARTS));
                }
            }
            assertFalse(clients.isEmpty(), "part " + k + " has clients");
            Set<Integer> bureaus = new HashSet<>();
            for (HomeCreditTable child : HomeCreditTable.values()) {
                if (child.isApplication() || child == HomeCreditTable.BUREAU_BALANCE) {
                    continue;
                }
                for (int id : part.get(child).intColumn("SK_ID_CURR").asIntArray()) {
                    assertEquals(k, DatasetShards.partOf(id, PARTS), child + " row of client " + id + " in part " + k);
                }
            }
            for (int id : part.get(HomeCreditTable.BUREAU).intColumn("SK_ID_BUREAU").asIntArray()) {
                bureaus.add(id);
            }
            int[] balance = part.get(HomeCreditTable.BUREAU_BALANCE).intColumn("SK_ID_BUREAU").asIntArray();
            assertTrue(balance.length > 0, "part " + k + " has bureau_balance rows");
            for (int id : balance) {
                assertTrue(bureaus.contains(id), "bureau_balance of bureau " + id + " is in the part of its bureau row");
            }
        }
    }

    @Test
    void thePartsAreBalancedAndTheSameClientAlwaysGoesToTheSamePart() {
        int clients = whole.get(HomeCreditTable.APPLICATION_TRAIN).rowCount() + whole.get(HomeCreditTable.APPLICATION_TEST).rowCount();
        for (Map<HomeCreditTable, Table> part : parts) {
            int n = part.get(HomeCreditTable.APPLICATION_TRAIN).rowCount() + part.get(HomeCreditTable.APPLICATION_TEST).rowCount();
            assertTrue(Math.abs(n - clients / (double) PARTS) < 0.15 * clients / PARTS, n + " clients of " + clients + " in a part");
        }
        DatasetShards.split(dir.resolve("ds"), PARTS, dir.resolve("again"), false, ProgressMonitor.NONE);
        for (int k = 0; k < PARTS; k++) {
            assertEquals(rows(parts.get(k).get(HomeCreditTable.APPLICATION_TRAIN)),
                    rows(LocalDataset.open(DatasetShards.partFolder(dir.resolve("again"), k)).load().table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow()));
        }
        assertTrue(Files.isRegularFile(dir.resolve("shards").resolve(DatasetShards.SHARDS_FILE)));
        assertTrue(LocalDataset.open(DatasetShards.partFolder(dir.resolve("shards"), 0)).isSynthetic(), "a part of synthetic data says so");
    }

    @Test
    void refusesFewerThanTwoPartsAndAnExistingFolder() {
        CreditDeskException one = assertThrows(CreditDeskException.class,
                () -> DatasetShards.split(dir.resolve("ds"), 1, dir.resolve("one"), false, ProgressMonitor.NONE));
        assertTrue(one.getMessage().contains("at least 2 parts, not 1"), one.getMessage());
        CreditDeskException exists = assertThrows(CreditDeskException.class,
                () -> DatasetShards.split(dir.resolve("ds"), PARTS, dir.resolve("shards"), false, ProgressMonitor.NONE));
        assertTrue(exists.getMessage().contains("shards"), exists.getMessage());
    }

    /** Each row as one line of its values. */
    private static List<String> rows(Table table) {
        List<String> lines = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            StringBuilder line = new StringBuilder();
            for (var column : table.columns()) {
                line.append(column.getString(r)).append('|');
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
