package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.data.DatasetImporter;
import com.pretadepenser.creditdesk.engine.data.DatasetManifest;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a folder of Kaggle-layout CSV files into a local dataset that opens fast. "
                + "The CSV files are only read; the dataset appears only when complete.")
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, description = "Folder with application_train.csv and/or application_test.csv, and the child tables you have.")
    Path from;

    @Option(names = "--to", required = true, description = "Dataset folder to create.")
    Path to;

    @Option(names = "--replace", description = "Replace --to if it exists.")
    boolean replace;

    @Option(names = "--compress", description = "Gzip the table files: about 5 times smaller, slower to open. Used for the shipped demo data.")
    boolean compress;

    @Override
    public Integer call() {
        LocalDataset dataset;
        try (ProgressBar bar = Progress.bar("import", 1000, "‰")) {
            dataset = new DatasetImporter(compress).importFolder(from, to, replace, ProgressBarMonitor.perMille(bar));
        }
        DatasetManifest manifest = dataset.manifest();
        System.out.printf("%s dataset imported to %s%n", manifest.synthetic() ? "SYNTHETIC" : "Real", to);
        for (DatasetManifest.TableEntry entry : manifest.tables()) {
            System.out.printf("  %-28s %,12d rows%n", entry.table(), entry.rows());
        }
        manifest.notes().forEach(note -> System.out.println("  note: " + note));
        return 0;
    }
}
