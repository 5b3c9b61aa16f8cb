package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.data.DatasetSummary;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show the tables of a dataset (imported, or a folder of Kaggle CSVs): rows, columns, missing rates, TARGET rate.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A local dataset folder or a folder of Kaggle CSV files.")
    Path dir;

    @Option(names = "--columns", description = "List every column with its type and missing rate.")
    boolean columns;

    @Override
    public Integer call() {
        boolean local = LocalDataset.isLocalDataset(dir);
        boolean synthetic;
        HomeCreditData data;
        if (local) {
            LocalDataset dataset = LocalDataset.open(dir);
            synthetic = dataset.isSynthetic();
            data = dataset.load();
        } else {
            synthetic = dir.resolve(com.pretadepenser.creditdesk.engine.data.DatasetImporter.SYNTHETIC_MARKER).toFile().isFile();
            data = Progress.read(HomeCreditFolder.scan(dir));
        }
        DatasetSummary summary = DatasetSummary.of(data, synthetic);
        System.out.printf("%s (%s%s)%n", dir, local ? "local dataset" : "CSV folder",
                synthetic ? ", SYNTHETIC DATA: not real clients" : "");
        System.out.printf("%-28s %12s %8s %14s%n", "table", "rows", "columns", "mean missing");
        for (DatasetSummary.TableSummary table : summary.tables()) {
            double meanMissing = table.columns().stream().mapToDouble(DatasetSummary.ColumnSummary::missingRate).average().orElse(0);
            System.out.printf("%-28s %,12d %8d %13.1f%%%n", table.table(), table.rows(), table.columns().size(), 100 * meanMissing);
        }
        if (!Double.isNaN(summary.targetRate())) {
            System.out.printf("TARGET rate: %.2f %% of %,d labelled applicants%n", 100 * summary.targetRate(), summary.labelled());
        }
        data.notes().forEach(note -> System.out.println("note: " + note));
        if (columns) {
            for (DatasetSummary.TableSummary table : summary.tables()) {
                System.out.println();
                System.out.println(table.table());
                for (DatasetSummary.ColumnSummary column : table.columns()) {
                    System.out.printf("  %-32s %-8s missing %5.1f%%%n", column.name(), column.type(), 100 * column.missingRate());
                }
            }
        }
        return 0;
    }
}
