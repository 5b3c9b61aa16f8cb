package com.pretadepenser.creditdesk.engine.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.data.AtomicFolder;
import com.pretadepenser.creditdesk.engine.data.DatasetImporter;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * Generates a synthetic Home Credit dataset: the seven Kaggle CSV files with every column,
 * {@code true_default_probability.csv} (the risk model's probability and the drawn label for every
 * applicant, test ones included) and {@code synthetic.json}, the marker that the data is not real.
 *
 * <p>Streaming: one client at a time, all tables at once, so memory stays flat at any size. The
 * output for a given seed and size is identical byte for byte. The folder appears only when
 * complete.
 */
public final class SyntheticGenerator {
    /** Kaggle's split: 48,744 test applicants for 307,511 train ones. */
    public static final double TEST_SHARE_OF_TRAIN = 48_744.0 / 307_511.0;
    /** How strongly a column follows the hidden creditworthiness: real correlation / this. */
    static final double ASSOCIATION_SCALE = 0.30;
    private static final int FIRST_CLIENT_ID = 100_001;

    private final HomeCreditProfile profile;
    private final RiskModel risk;

    public SyntheticGenerator() {
        this(HomeCreditProfile.shipped(), RiskModel.DEFAULT);
    }

    public SyntheticGenerator(HomeCreditProfile profile, RiskModel risk) {
        requireProfileCovers(profile);
        this.profile = profile;
        this.risk = risk;
    }

    /** Size and seed of a run. */
    public record Settings(int trainClients, int testClients, long seed) {
        public Settings {
            if (trainClients < 1) {
                throw new IllegalArgumentException("train clients must be at least 1, got " + trainClients);
            }
            if (testClients < 0) {
                throw new IllegalArgumentException("test clients must not be negative, got " + testClients);
            }
        }

        /** {@code clients} train applicants and test ones in Kaggle's proportion. */
        public static Settings kaggleSplit(int clients, long seed) {
            return new Settings(clients, (int) Math.round(clients * TEST_SHARE_OF_TRAIN), seed);
        }
    }

    /** Rows written per table. */
    public record Summary(Map<HomeCreditTable, Long> rows, double meanTrueProbability, double defaultRate) {
    }

    public Summary generate(Settings settings, Path target, boolean replace) {
        return generate(settings, target, replace, ProgressMonitor.NONE);
    }

    /**
     * @param monitor told the clients written of all (no message) and polled every few hundred
     *                clients; once cancelled, the run stops and leaves nothing
     */
    public Summary generate(Settings settings, Path target, boolean replace, ProgressMonitor monitor) {
        Summary[] summary = new Summary[1];
        AtomicFolder.write(target, replace, staging -> summary[0] = writeAll(settings, staging, monitor));
        return summary[0];
    }

    private Summary writeAll(Settings settings, Path folder, ProgressMonitor monitor) throws IOException {
        Map<HomeCreditTable, TableWriter> writers = new EnumMap<>(HomeCreditTable.class);
        try (CsvWriter truth = CsvWriter.builder().build(Files.newBufferedWriter(folder.resolve(LocalDataset.TRUTH), StandardCharsets.UTF_8))) {
            for (HomeCreditTable table : HomeCreditTable.values()) {
                if (table != HomeCreditTable.APPLICATION_TEST || settings.testClients() > 0) {
                    writers.put(table, new TableWriter(table, folder));
                }
            }
            truth.writeRecord("SK_ID_CURR", "SET", "TRUE_PD", "TARGET");
            ApplicationSynth application = new ApplicationSynth(profile,
                    HomeCreditSchema.get().columns(HomeCreditTable.APPLICATION_TRAIN), ASSOCIATION_SCALE);
            HistorySynth history = new HistorySynth(profile, new HistorySynth.Writers(
                    writers.get(HomeCreditTable.BUREAU), writers.get(HomeCreditTable.BUREAU_BALANCE),
                    writers.get(HomeCreditTable.PREVIOUS_APPLICATION), writers.get(HomeCreditTable.POS_CASH_BALANCE),
                    writers.get(HomeCreditTable.INSTALLMENTS_PAYMENTS), writers.get(HomeCreditTable.CREDIT_CARD_BALANCE)));
            int total = settings.trainClients() + settings.testClients();
            int testLeft = settings.testClients();
            double sumProbability = 0;
            long defaults = 0;
            for (int k = 0; k < total; k++) {
                if ((k & 0xFF) == 0) {
                    if (monitor.isCancelled()) {
                        throw new CancellationException("generation cancelled after " + k + " clients");
                    }
                    monitor.progress(k, total, "");
                }
                SplittableRandom rng = new SplittableRandom(mix(settings.seed(), k));
                boolean test = rng.nextDouble() * (total - k) < testLeft;
                if (test) {
                    testLeft--;
                }
                TableWriter row = writers.get(test ? HomeCreditTable.APPLICATION_TEST : HomeCreditTable.APPLICATION_TRAIN);
                int clientId = FIRST_CLIENT_ID + k;
                double hidden = Gauss.next(rng);
                double wealth = Gauss.next(rng);
                row.clear();
                row.set("SK_ID_CURR", clientId);
                RiskModel.Facts facts = application.fill(row, rng, hidden, wealth);
                HistorySynth.Summary past = history.generate(clientId, rng, hidden, wealth);
                double probability = risk.probability(new RiskModel.Facts(facts.zExt1(), facts.zExt2(), facts.zExt3(),
                        facts.zYouth(), facts.isPensioner(), facts.zShortEmployment(), facts.zPaymentRate(),
                        facts.educationLogOdds(), facts.isMale(), facts.regionRating(),
                        past.bureauOverdue(), past.lateShare(), past.refused()));
                int target = rng.nextDouble() < probability ? 1 : 0;
                if (!test) {
                    row.set("TARGET", target);
                    sumProbability += probability;
                    defaults += target;
                }
                row.write();
                truth.writeRecord(Integer.toString(clientId), test ? "test" : "train",
                        Double.toString(probability), Integer.toString(target));
            }
            monitor.progress(total, total, "");
            writeMarker(settings, folder);
            Map<HomeCreditTable, Long> rows = new EnumMap<>(HomeCreditTable.class);
            writers.forEach((table, writer) -> rows.put(table, writer.rows()));
            return new Summary(rows, sumProbability / settings.trainClients(), defaults / (double) settings.trainClients());
        } finally {
            for (TableWriter writer : writers.values()) {
                writer.close();
            }
        }
    }

    private void writeMarker(Settings settings, Path folder) throws IOException {
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("generator", "CreditDesk synthetic Home Credit data");
        marker.put("generator-version", 1);
        marker.put("seed", settings.seed());
        marker.put("train-clients", settings.trainClients());
        marker.put("test-clients", settings.testClients());
        marker.put("profile-source", profile.source());
        marker.put("notice", "SYNTHETIC DATA: generated, not real clients.");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(folder.resolve(DatasetImporter.SYNTHETIC_MARKER).toFile(), marker);
    }

    /** A well-spread seed per client, so each client's draws are independent of the others'. */
    static long mix(long seed, long client) {
        long z = seed * 0x9E3779B97F4A7C15L + client * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static void requireProfileCovers(HomeCreditProfile profile) {
        for (HomeCreditTable table : HomeCreditTable.values()) {
            if (profile.tables().get(table.schemaName()) == null) {
                throw new CreditDeskException(EngineMessage.PROFILE_NO_TABLE, table.schemaName());
            }
        }
    }
}
