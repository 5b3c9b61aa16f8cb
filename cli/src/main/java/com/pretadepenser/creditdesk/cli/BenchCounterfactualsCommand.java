package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.scoring.Application;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.Counterfactual;
import com.pretadepenser.creditdesk.engine.scoring.CounterfactualSearch;
import com.pretadepenser.creditdesk.engine.session.Session;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The speed goal of the counterfactual search (the suggestions for one refused client, p99 at most
 * 200 ms) and what it finds: how many refused clients get at least one suggestion, and the median
 * change per lever. Results and how to reproduce them: docs/benchmarks.md and docs/explanations.md.
 */
@Command(name = "bench-counterfactuals", mixinStandardHelpOptions = true,
        description = "Benchmark the counterfactual search (up to 3 suggestions for one refused client) on a dataset's refused clients; "
                + "prints the times and, per lever, how often it is suggested and its median change.")
final class BenchCounterfactualsCommand implements Callable<Integer> {
    @Mixin
    ModelAndData modelAndData = new ModelAndData();

    @Option(names = "--clients", defaultValue = "1000", description = "Refused clients searched and timed, drawn at random "
            + "(0: every refused client). Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--warm-up", defaultValue = "100", description = "Searches run first and not timed. Default: ${DEFAULT-VALUE}.")
    int warmUp;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random draw of clients. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        if (clients < 0 || warmUp < 0) {
            throw new IllegalArgumentException("--clients and --warm-up must be 0 or more");
        }
        try (Session session = modelAndData.open()) {
            ClientScorer scorer = session.scorer();
            CounterfactualSearch search = session.counterfactuals();
            int[] refused = refused(scorer);
            if (refused.length == 0) {
                System.out.println("No refused client in this dataset: nothing to search.");
                return 0;
            }
            int[] order = shuffled(refused, seed);
            for (int i = 0; i < Math.min(warmUp, order.length); i++) {
                search.search(scorer.application(order[i]));
            }
            int measured = clients == 0 ? refused.length : Math.min(clients, refused.length);
            double[] millis = new double[measured];
            int withSuggestion = 0;
            int[] suggestions = new int[CounterfactualSearch.MAX_SUGGESTIONS + 1];
            Map<Counterfactual.Lever, List<Double>> distances = new EnumMap<>(Counterfactual.Lever.class);
            Map<Counterfactual.Lever, List<Double>> margins = new EnumMap<>(Counterfactual.Lever.class);
            try (ProgressBar bar = Progress.bar("search", measured, "clients")) {
                for (int i = 0; i < measured; i++) {
                    Application application = scorer.application(order[i]);
                    long start = System.nanoTime();
                    Counterfactual.Search result = search.search(application);
                    millis[i] = (System.nanoTime() - start) / 1e6;
                    suggestions[result.suggestions().size()]++;
                    withSuggestion += result.suggestions().isEmpty() ? 0 : 1;
                    for (Counterfactual c : result.suggestions()) {
                        distances.computeIfAbsent(c.lever(), l -> new ArrayList<>()).add(c.distance());
                        margins.computeIfAbsent(c.lever(), l -> new ArrayList<>()).add(c.marginToThreshold());
                    }
                    bar.step();
                }
            }
            print(session, refused.length, measured, millis, withSuggestion, suggestions, distances, margins);
        }
        return 0;
    }

    private void print(Session session, int refused, int measured, double[] millis, int withSuggestion, int[] suggestions,
                       Map<Counterfactual.Lever, List<Double>> distances, Map<Counterfactual.Lever, List<Double>> margins) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%s%s, model %s: %,d refused clients, %,d searched (seed %d, %d warm-up searches)%n",
                modelAndData.data.getFileName(), session.synthetic() ? " (SYNTHETIC)" : "", modelAndData.model.getFileName(),
                refused, measured, seed, warmUp);
        System.out.println();
        System.out.printf("%-46s %9s %9s %9s %9s %9s%n", "one refused client's search (ms)", "p50", "p95", "p99", "max", "goal p99");
        System.out.printf("%-46s %9.1f %9.1f %9.1f %9.1f %9s%n", "up to 3 suggestions, each verified",
                Statistics.nearestRankOfSorted(sorted, 0.5), Statistics.nearestRankOfSorted(sorted, 0.95),
                Statistics.nearestRankOfSorted(sorted, 0.99), sorted[sorted.length - 1], "200");
        System.out.println();
        System.out.printf("at least one suggestion: %,d of %,d (%.1f %%); with 0, 1, 2, 3 suggestions: %s%n", withSuggestion, measured,
                100.0 * withSuggestion / measured, Arrays.toString(suggestions));
        System.out.println();
        System.out.printf("%-18s %12s %16s %20s %20s%n", "lever", "suggested", "of refused", "median change", "median margin (pts)");
        for (Counterfactual.Lever lever : Counterfactual.Lever.values()) {
            List<Double> d = distances.getOrDefault(lever, List.of());
            double[] ds = d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] ms = margins.getOrDefault(lever, List.of()).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-18s %,12d %15.1f%% %19s %20s%n", lever.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                            + (lever.longerTerm() ? " *" : ""), d.size(), 100.0 * d.size() / measured,
                    ds.length == 0 ? "-" : "%.1f %%".formatted(100 * Statistics.quantileOfSorted(ds, 0.5)),
                    ms.length == 0 ? "-" : "%.2f".formatted(100 * Statistics.quantileOfSorted(ms, 0.5)));
        }
        System.out.println();
        System.out.println("change: the lever's distance, relative to the client's own value (credit not borrowed, term lengthened,");
        System.out.println("down payment / goods price, co-borrower income / own income, years added / years in the job); * longer term");
    }

    /** The refused clients, from every client's probability (one batch per table, through the one feature path). */
    private static int[] refused(ClientScorer scorer) {
        int[] ids = scorer.clientIds();
        List<Application> batch = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        for (int start = 0; start < ids.length; start += 2_000) {
            batch.clear();
            int end = Math.min(ids.length, start + 2_000);
            for (int i = start; i < end; i++) {
                batch.add(scorer.application(ids[i]));
            }
            double[] p = scorer.probabilities(batch);
            for (int i = start; i < end; i++) {
                if (p[i - start] >= scorer.model().threshold()) {
                    out.add(ids[i]);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] shuffled(int[] ids, long seed) {
        int[] out = ids.clone();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = out.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
