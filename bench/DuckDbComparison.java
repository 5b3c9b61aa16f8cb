import com.pretadepenser.creditdesk.engine.data.CompactTable;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * Issue 10's evaluation of an embedded columnar engine (DuckDB's JDBC driver) against CreditDesk's
 * own path, one side per process so that each is timed and its peak memory measured apart
 * (bench/duckdb.sh runs them under GNU time):
 *
 * <pre>
 *   duckdb-import CSV_FOLDER DB_FILE   the seven CSVs into DuckDB tables (its own columnar file)
 *   duckdb-aggregate DB_FILE           one batch aggregation, per client, over installments_payments
 *   java-aggregate DATASET_FOLDER      the same aggregation over CreditDesk's stored columns
 * </pre>
 *
 * The aggregation is the pandas kernel's installments block without its variances and ratio:
 * count; days past due and before due (clipped at 0) max/mean/sum; instalment minus payment
 * max/mean/sum; instalment max/mean/sum; payment min/max/mean/sum; entry day max/mean/sum. Missing
 * values are skipped, as pandas and SQL skip them. Both sides print a checksum (the sum of every
 * defined aggregate) to show they computed the same numbers.
 *
 * Not part of the build or of the product: run it from bench/duckdb.sh.
 */
public final class DuckDbComparison {
    private static final String[] TABLES = {"application_train", "application_test", "bureau", "bureau_balance",
            "previous_application", "POS_CASH_balance", "installments_payments", "credit_card_balance"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "duckdb-import" -> duckdbImport(Path.of(args[1]), Path.of(args[2]));
            case "duckdb-aggregate" -> duckdbAggregate(Path.of(args[1]));
            case "java-aggregate" -> javaAggregate(Path.of(args[1]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static Connection open(Path db) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = 2");
        }
        return connection;
    }

    private static void duckdbImport(Path csv, Path db) throws Exception {
        Files.deleteIfExists(db);
        long start = System.nanoTime();
        long rows = 0;
        try (Connection connection = open(db); Statement s = connection.createStatement()) {
            for (String table : TABLES) {
                Path file = csv.resolve(table + ".csv");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                s.execute("CREATE TABLE " + table + " AS SELECT * FROM read_csv('" + file.toAbsolutePath()
                        + "', header = true, nullstr = ['', 'NA', 'XNA_NAN'])");
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
                    r.next();
                    rows += r.getLong(1);
                }
            }
        }
        System.out.printf("duckdb import: %,d rows in %.1f s, %,d MB on disk%n", rows, (System.nanoTime() - start) / 1e9,
                Files.size(db) >> 20);
    }

    private static final String DPD = "CASE WHEN DAYS_ENTRY_PAYMENT - DAYS_INSTALMENT < 0 THEN 0 ELSE DAYS_ENTRY_PAYMENT - DAYS_INSTALMENT END";
    private static final String DBD = "CASE WHEN DAYS_INSTALMENT - DAYS_ENTRY_PAYMENT < 0 THEN 0 ELSE DAYS_INSTALMENT - DAYS_ENTRY_PAYMENT END";

    private static void duckdbAggregate(Path db) throws Exception {
        String query = "SELECT SK_ID_CURR, count(*)"
                + ", max(" + DPD + "), avg(" + DPD + "), sum(" + DPD + ")"
                + ", max(" + DBD + "), avg(" + DBD + "), sum(" + DBD + ")"
                + ", max(AMT_INSTALMENT - AMT_PAYMENT), avg(AMT_INSTALMENT - AMT_PAYMENT), sum(AMT_INSTALMENT - AMT_PAYMENT)"
                + ", max(AMT_INSTALMENT), avg(AMT_INSTALMENT), sum(AMT_INSTALMENT)"
                + ", min(AMT_PAYMENT), max(AMT_PAYMENT), avg(AMT_PAYMENT), sum(AMT_PAYMENT)"
                + ", max(DAYS_ENTRY_PAYMENT), avg(DAYS_ENTRY_PAYMENT), sum(DAYS_ENTRY_PAYMENT)"
                + " FROM installments_payments GROUP BY SK_ID_CURR";
        try (Connection connection = open(db); Statement s = connection.createStatement()) {
            long start = System.nanoTime();
            long clients = 0;
            double checksum = 0;
            try (ResultSet r = s.executeQuery(query)) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    clients++;
                    for (int c = 2; c <= meta.getColumnCount(); c++) {
                        double v = r.getDouble(c);
                        if (!r.wasNull()) {
                            checksum += v;
                        }
                    }
                }
            }
            System.out.printf("duckdb aggregate: %,d clients in %.2f s, checksum %.6e%n", clients, (System.nanoTime() - start) / 1e9, checksum);
        }
    }

    /** The same aggregates over the dataset's stored columns: each client's rows are one contiguous range. */
    private static void javaAggregate(Path dataset) {
        long opening = System.nanoTime();
        CompactTable table = LocalDataset.open(dataset).compactTable(HomeCreditTable.INSTALLMENTS_PAYMENTS).orElseThrow();
        double openSeconds = (System.nanoTime() - opening) / 1e9;
        long start = System.nanoTime();
        int[] ids = table.ints("SK_ID_CURR");
        CompactTable.Numbers instalment = table.numbers("AMT_INSTALMENT");
        CompactTable.Numbers payment = table.numbers("AMT_PAYMENT");
        CompactTable.Numbers due = table.numbers("DAYS_INSTALMENT");
        CompactTable.Numbers entry = table.numbers("DAYS_ENTRY_PAYMENT");
        long clients = 0;
        double checksum = 0;
        int rows = table.rowCount();
        for (int from = 0; from < rows; ) {
            int to = from;
            while (to < rows && ids[to] == ids[from]) {
                to++;
            }
            Stat dpd = new Stat();
            Stat dbd = new Stat();
            Stat diff = new Stat();
            Stat inst = new Stat();
            Stat pay = new Stat();
            Stat day = new Stat();
            for (int r = from; r < to; r++) {
                double i = instalment.get(r);
                double p = payment.get(r);
                double d = due.get(r);
                double e = entry.get(r);
                double late = e - d;
                dpd.add(late < 0 ? 0 : late);
                dbd.add(-late < 0 ? 0 : -late);
                diff.add(i - p);
                inst.add(i);
                pay.add(p);
                day.add(e);
            }
            clients++;
            checksum += (to - from) + dpd.maxMeanSum() + dbd.maxMeanSum() + diff.maxMeanSum() + inst.maxMeanSum()
                    + pay.min() + pay.maxMeanSum() + day.maxMeanSum();
            from = to;
        }
        System.out.printf("java aggregate: %,d clients in %.2f s (opening the table %.2f s), checksum %.6e%n", clients,
                (System.nanoTime() - start) / 1e9, openSeconds, checksum);
    }

    /** Min, max, sum and count of the defined values; an undefined aggregate adds nothing to the checksum, as SQL's NULL. */
    private static final class Stat {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum;
        long n;

        void add(double v) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                n++;
            }
        }

        double min() {
            return n == 0 ? 0 : min;
        }

        double maxMeanSum() {
            return n == 0 ? 0 : max + sum / n + sum;
        }
    }
}
