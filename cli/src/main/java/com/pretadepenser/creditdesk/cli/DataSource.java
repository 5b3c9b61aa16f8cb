package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.data.DatasetImporter;
import com.pretadepenser.creditdesk.engine.data.DatasetManifest;
import com.pretadepenser.creditdesk.engine.data.FileHashes;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.training.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the --data of a command: a local dataset or a folder of Kaggle CSVs, with where it came
 * from and, for a local dataset, its identity for the caches (null for a CSV folder: not cached).
 */
record DataSource(HomeCreditData data, Trainer.DataOrigin origin, String identity) {

    static DataSource open(Path dir) {
        if (LocalDataset.isLocalDataset(dir)) {
            LocalDataset dataset = LocalDataset.open(dir);
            dataset.requireHeapToOpen(com.pretadepenser.creditdesk.engine.OutOfMemory.maxHeap());
            List<ModelCard.Source> sources = new ArrayList<>();
            for (DatasetManifest.Source s : dataset.manifest().sources()) {
                sources.add(new ModelCard.Source(s.file(), s.sha256(), s.rows()));
            }
            return new DataSource(dataset.load(), new Trainer.DataOrigin(dir.toString(), dataset.isSynthetic(), sources),
                    dataset.identity());
        }
        HomeCreditFolder folder = HomeCreditFolder.scan(dir);
        HomeCreditData data = Progress.read(folder);
        List<ModelCard.Source> sources = new ArrayList<>();
        folder.files().forEach((table, file) -> sources.add(new ModelCard.Source(table.fileName(), FileHashes.sha256(file),
                data.rowCount(table))));
        boolean synthetic = Files.isRegularFile(dir.resolve(DatasetImporter.SYNTHETIC_MARKER));
        return new DataSource(data, new Trainer.DataOrigin(dir.toString(), synthetic, sources), null);
    }
}
