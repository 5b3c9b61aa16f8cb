package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.batch.ScoreExport;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.explain.Explainer;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.peers.PeerGroup;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.peers.PeerIndexCache;
import com.pretadepenser.creditdesk.engine.peers.Segment;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The speed goals of scoring, as a table: one client (score + contributions + reasons), batch
 * scoring with and without contributions, peer queries; and the memory the loaded dataset takes.
 * Results and how to reproduce them: docs/benchmarks.md.
 */
@Command(name = "bench-scoring", mixinStandardHelpOptions = true,
        description = "Benchmark one-client scoring with explanations, batch scoring and peer queries on a dataset. Prints a table.")
final class BenchScoringCommand implements Callable<Integer> {
    @Mixin
    ModelAndData modelAndData = new ModelAndData();

    @Option(names = "--clients", defaultValue = "3000", description = "Measured one-client explanations (after as many warm-up ones). Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--queries", defaultValue = "200", description = "Measured peer queries of each kind. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Override
    public Integer call() throws java.io.IOException {
        try (ScoringModel scoring = ScoringModel.load(modelAndData.model)) {
            long start = System.nanoTime();
            DataSource source = DataSource.open(modelAndData.data);
            ClientScorer scorer = new ClientScorer(scoring, source.data());
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            int[] ids = scorer.clientIds();
            Explainer explainer = new Explainer(scoring.card().details().featureSchema());
            SplittableRandom rng = new SplittableRandom(1);

            IntConsumer explainOne = id -> explainer.explain(scorer.score(id), Locale.FRENCH);
            for (int i = 0; i < clients; i++) {
                explainOne.accept(ids[rng.nextInt(ids.length)]);
            }
            double[] single = new double[clients];
            for (int i = 0; i < clients; i++) {
                int id = ids[rng.nextInt(ids.length)];
                long t = System.nanoTime();
                explainOne.accept(id);
                single[i] = (System.nanoTime() - t) / 1e6;
            }

            // In a scratch cache folder: the first load builds (and writes), the second reads what the first wrote.
            java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("creditdesk-bench-cache-");
            PeerIndexCache cache = new PeerIndexCache(scratch);
            String identity = source.identity() != null ? source.identity() : "0".repeat(64);
            long t3 = System.nanoTime();
            cache.load(scoring, source.data(), scorer.history(), identity, ProgressMonitor.NONE);
            double peerBuildSeconds = (System.nanoTime() - t3) / 1e9;
            long t4 = System.nanoTime();
            PeerIndexCache.Loaded reread = cache.load(scoring, source.data(), scorer.history(), identity, ProgressMonitor.NONE);
            double peerReadSeconds = (System.nanoTime() - t4) / 1e9;
            PeerIndex peers = reread.index();
            com.pretadepenser.creditdesk.engine.data.AtomicFolder.deleteQuietly(scratch);
            long heapMb = heapInUseMb();

            var train = source.data().table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
            int n = train.rowCount();
            // Features of every labelled client, in chunks as batch scoring computes them (all at once
            // would hold every feature of every client: gigabytes at Kaggle scale).
            long t0 = System.nanoTime();
            for (int from = 0; from < n; from += ScoreExport.CHUNK) {
                scoring.pipeline().compute(train.inRange(from, Math.min(n, from + ScoreExport.CHUNK)), scorer.history());
            }
            double featureSeconds = (System.nanoTime() - t0) / 1e9;
            // Batch scoring and TreeSHAP on at most 20,000 clients, as rates: the Java tree walk as the
            // batch uses it (warm-up passes, then the median of 5), LightGBM's C API once.
            int shapRows = Math.min(n, 20_000);
            FeatureMatrix shapSample = scoring.pipeline().compute(train.inRange(0, shapRows), scorer.history());
            double scoreRate = shapRows / medianSeconds(3, 5, () -> scoring.probabilities(shapSample));
            double contributionRate = shapRows / medianSeconds(2, 5, () -> scoring.contributions(shapSample));
            long t2 = System.nanoTime();
            scoring.lightGbmContributions(shapSample);
            double lightGbmContributionRate = shapRows / ((System.nanoTime() - t2) / 1e9);

            // The peer screens offer the model's features: queries on its most important numeric one.
            String feature = peers.neighbourFeatures().get(0);
            // A first query per feature sorts the feature over all clients (then cached): timed apart, on
            // the 30 most important features but the one above, each once.
            List<String> others = scoring.card().details().globalImportance().keySet().stream()
                    .filter(f -> !f.equals(feature)).limit(30).toList();
            double[] cold = new double[others.size()];
            for (int i = 0; i < cold.length; i++) {
                String f = others.get(i);
                long t = System.nanoTime();
                peers.distribution(peers.all(), f, peers.value(ids[rng.nextInt(ids.length)], f), 30);
                cold[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] all = time(queries, () -> peers.distribution(peers.all(), feature, peers.value(ids[0], feature), 30), rng, peers);
            double[] segment = time(queries, () -> {
                int id = ids[rng.nextInt(ids.length)];
                PeerGroup g = peers.segment(id, List.of(Segment.GENDER, Segment.AGE_BAND, Segment.EDUCATION));
                peers.distribution(g, feature, peers.value(id, feature), 30);
            }, rng, peers);
            double[] nearest = time(queries, () -> {
                int id = ids[rng.nextInt(ids.length)];
                PeerGroup g = peers.nearest(id, 200);
                peers.distribution(g, feature, peers.value(id, feature), 30);
            }, rng, peers);

            System.out.printf("dataset %s: %,d applicants (%,d train), model \"%s\" (%d features); opened and indexed in %.1f s%n",
                    modelAndData.data, ids.length, n, scoring.card().details().name(), scoring.card().details().features().size(), loadSeconds);
            System.out.printf("%-52s %10s %10s %10s%n", "one client: score + contributions + reasons", "p50 ms", "p99 ms", "max ms");
            row("  explain (features, TreeSHAP, French reasons)", single);
            System.out.printf("%-52s %14s%n", "batch, 2 threads, " + String.format("%,d", n) + " clients", "clients/s");
            System.out.printf("%-52s %,14.0f%n", "  features", n / featureSeconds);
            System.out.printf("%-52s %,14.0f%n", "  probabilities, without contributions (" + String.format("%,d", shapRows) + " clients)", scoreRate);
            System.out.printf("%-52s %,14.0f%n", "  with contributions (TreeSHAP, " + String.format("%,d", shapRows) + " clients)", contributionRate);
            System.out.printf("%-52s %,14.0f%n", "    the same by LightGBM's C API, for comparison", lightGbmContributionRate);
            System.out.printf("peer index built in %.1f s (and cached); read back from the cache in %.2f s%s; queries on %s:%n",
                    peerBuildSeconds, peerReadSeconds, reread.fromCache() ? "" : " (NOT from the cache: " + reread.why() + ")", feature);
            System.out.printf("%-52s %10s %10s %10s%n", "", "p50 ms", "p99 ms", "max ms");
            row("  all clients (histogram, quantiles, percentile)", all);
            row("  all clients, first query of a feature (30 features)", cold);
            row("  segment: gender, age band, education", segment);
            row("  200 nearest neighbours", nearest);
            System.out.printf("heap in use after opening and building the peer index (after a full GC): %,d MB of a %,d MB maximum%n",
                    heapMb, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
        return 0;
    }

    private static long heapInUseMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    /** The median time of {@code passes} runs of {@code work}, after {@code warmUps} unmeasured ones. */
    private static double medianSeconds(int warmUps, int passes, Runnable work) {
        double[] seconds = new double[passes];
        for (int pass = -warmUps; pass < passes; pass++) {
            long start = System.nanoTime();
            work.run();
            if (pass >= 0) {
                seconds[pass] = (System.nanoTime() - start) / 1e9;
            }
        }
        Arrays.sort(seconds);
        return seconds[passes / 2];
    }

    private static double[] time(int count, Runnable query, SplittableRandom rng, PeerIndex peers) {
        for (int i = 0; i < Math.min(20, count); i++) {
            query.run();
        }
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            query.run();
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        return times;
    }

    private static void row(String label, double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf("%-52s %10.2f %10.2f %10.2f%n", label, Statistics.nearestRankOfSorted(sorted, 0.5),
                Statistics.nearestRankOfSorted(sorted, 0.99), sorted[sorted.length - 1]);
    }
}
