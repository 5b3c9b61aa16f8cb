package com.pretadepenser.creditdesk.engine.training;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Chooses LightGBM's settings by cross-validation, in two rungs of successive halving so that it
 * stays affordable on large data. Screening: every candidate (the defaults, a small-tree setting
 * that did best by hand on genuine rows, and seeded random draws over the settings that matter for
 * tabular credit data) is cross-validated on the first {@link #SCREENING_FOLDS} folds of at most
 * {@link #SCREENING_ROWS} stratified rows. Finals: the best third (fewer when screening saw a
 * subsample) get the full k-fold cross-validation; the highest out-of-fold AUC wins, and among
 * finalists within {@link #AUC_TOLERANCE} of it, the least business cost. Settings the user gave
 * are never tuned. Seeded: the same seed gives the same candidates, folds and winner.
 */
final class Tuner {
    static final int SCREENING_FOLDS = 2;
    static final int SCREENING_ROWS = 50_000;
    static final double AUC_TOLERANCE = 0.001;

    /** Each setting the search draws, with the values it draws from. */
    static final Map<String, List<String>> SPACE = space();
    /** Measured on the genuine sample by hand (docs/quality.md): always a candidate. */
    static final Map<String, String> SMALL_TREES = smallTrees();

    private static Map<String, String> smallTrees() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("learning_rate", "0.02");
        s.put("num_leaves", "7");
        return java.util.Collections.unmodifiableMap(s);
    }

    private static Map<String, List<String>> space() {
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("learning_rate", List.of("0.01", "0.02", "0.03", "0.05"));
        s.put("num_leaves", List.of("4", "7", "15", "31", "63"));
        s.put("max_depth", List.of("-1", "-1", "4", "6"));
        s.put("min_data_in_leaf", List.of("20", "50", "100", "200"));
        s.put("feature_fraction", List.of("0.2", "0.3", "0.5", "0.7"));
        s.put("bagging_fraction", List.of("0.7", "0.8", "1.0"));
        s.put("lambda_l1", List.of("0", "0.1", "1"));
        s.put("lambda_l2", List.of("0", "1", "10", "30"));
        return java.util.Collections.unmodifiableMap(s);
    }

    /** The winner's settings (only the tuned keys), its full cross-validation, and the card's record. */
    record Outcome(Map<String, String> tuned, CrossValidation.Result cv, ModelCard.Tuning record) {
    }

    private final TrainingSet data;
    private final int[] target;
    private final List<String> names;
    private final TrainingConfig config;

    Tuner(TrainingSet data, List<String> names, TrainingConfig config) {
        this.data = data;
        this.target = data.target();
        this.names = names;
        this.config = config;
    }

    /** The candidates, in order: defaults, small trees, then distinct seeded draws; the user's settings removed. */
    List<Map<String, String>> candidates() {
        return candidates(config);
    }

    /** The candidates {@code config} draws: its seed decides them. */
    static List<Map<String, String>> candidates(TrainingConfig config) {
        Set<String> fixed = config.lightgbm().keySet();
        Set<Map<String, String>> effective = new LinkedHashSet<>();
        List<Map<String, String>> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(config.seed() * 31 + 17);
        List<Map<String, String>> proposals = new ArrayList<>(List.of(Map.of(), SMALL_TREES));
        for (int tries = 0; out.size() < config.tuning().candidates() && tries < 50 * config.tuning().candidates(); tries++) {
            Map<String, String> candidate = new LinkedHashMap<>();
            if (!proposals.isEmpty()) {
                candidate.putAll(proposals.remove(0));
            } else {
                SPACE.forEach((key, values) -> candidate.put(key, values.get(rng.nextInt(values.size()))));
            }
            candidate.keySet().removeAll(fixed);
            if (effective.add(config.settings(candidate))) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** How many finalists get the full cross-validation. */
    int finalists(int candidates, int screeningRows) {
        int third = (candidates + 2) / 3;
        return Math.max(Math.min(2, candidates), (int) Math.round(third * Math.min(1.0, screeningRows / (double) target.length)));
    }

    /** Fits the search will make: screening, then what the finals add. */
    int plannedFits() {
        int candidates = candidates().size();
        int rows = screeningRows().length;
        int finalFolds = rows == target.length ? config.folds() - screeningFolds() : config.folds();
        return candidates * screeningFolds() + finalists(candidates, rows) * finalFolds;
    }

    private int screeningFolds() {
        return Math.min(SCREENING_FOLDS, config.folds());
    }

    /** All labelled rows, or one stratified part of ceil(n / {@link #SCREENING_ROWS}): at most that many rows. */
    int[] screeningRows() {
        if (target.length <= SCREENING_ROWS) {
            return IntStream.range(0, target.length).toArray();
        }
        // One of ceil(n / SCREENING_ROWS) stratified parts (25,001 to 50,000 rows), with the default rate of the whole.
        int parts = (int) Math.ceil(target.length / (double) SCREENING_ROWS);
        int[] part = StratifiedFolds.assign(target, parts, config.seed() + 3);
        return IntStream.range(0, target.length).filter(i -> part[i] == 0).toArray();
    }

    Outcome run(int[] step, int steps, ProgressMonitor monitor) {
        List<Map<String, String>> candidates = candidates();
        int[] rows = screeningRows();
        boolean allRows = rows.length == target.length;
        CrossValidation.Plan screening = CrossValidation.Plan.of(rows, target, config, screeningFolds());
        long start = System.nanoTime();
        List<CrossValidation.Result> screened = new ArrayList<>();
        double[] screeningAuc = new double[candidates.size()];
        Arrays.fill(screeningAuc, Double.NaN);
        for (int c = 0; c < candidates.size(); c++) {
            boolean overTime = config.tuning().maxMinutes() > 0 && (System.nanoTime() - start) / 60e9 > config.tuning().maxMinutes();
            if (overTime && c >= 2) {
                break;
            }
            CrossValidation.Result result = CrossValidation.run(data, names, config, config.settings(candidates.get(c)),
                    TrainingConfig.Imbalance.NONE, "tuning, setting %d/%d".formatted(c + 1, candidates.size()), screening,
                    step, steps, monitor);
            screened.add(result);
            screeningAuc[c] = result.auc(target);
        }
        int tried = screened.size();
        List<Integer> order = IntStream.range(0, tried).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -screeningAuc[c]).thenComparingInt(c -> c)).toList();
        List<Integer> finals = order.subList(0, Math.min(tried, finalists(candidates.size(), rows.length)));

        Map<Integer, CrossValidation.Result> full = new LinkedHashMap<>();
        Map<Integer, BusinessCost.Choice> costs = new LinkedHashMap<>();
        for (int c : finals) {
            CrossValidation.Result result;
            String label = "tuning, finalist %d/%d".formatted(full.size() + 1, finals.size());
            if (allRows) {
                CrossValidation.Plan rest = new CrossValidation.Plan(screening.rows(), screening.fold(),
                        IntStream.range(screeningFolds(), config.folds()).toArray());
                result = screened.get(c).merge(CrossValidation.run(data, names, config, config.settings(candidates.get(c)),
                        TrainingConfig.Imbalance.NONE, label, rest, step, steps, monitor));
            } else {
                result = CrossValidation.run(data, names, config, config.settings(candidates.get(c)),
                        TrainingConfig.Imbalance.NONE, label, CrossValidation.Plan.all(target, config), step, steps, monitor);
            }
            full.put(c, result);
            costs.put(c, config.cost().choose(result.oof(), target));
        }
        double bestAuc = full.values().stream().mapToDouble(r -> r.auc(target)).max().orElseThrow();
        int winner = full.keySet().stream()
                .filter(c -> full.get(c).auc(target) >= bestAuc - AUC_TOLERANCE)
                .min(Comparator.comparingDouble((Integer c) -> costs.get(c).costPerClient()).thenComparingInt(c -> c))
                .orElseThrow();

        List<ModelCard.TuningCandidate> records = new ArrayList<>();
        for (int c = 0; c < tried; c++) {
            CrossValidation.Result result = full.get(c);
            records.add(new ModelCard.TuningCandidate(candidates.get(c), screeningAuc[c],
                    result == null ? null : result.auc(target), result == null ? null : costs.get(c).costPerClient(),
                    result == null ? null : result.meanBestIteration()));
        }
        String method = ("successive halving: %d settings screened on %d of %d folds (%d rows), the best %d cross-validated "
                + "on all %d folds; the highest out-of-fold AUC wins, and within %.3f of it the least business cost")
                .formatted(tried, screeningFolds(), config.folds(), rows.length, finals.size(), config.folds(), AUC_TOLERANCE);
        String reason = "out-of-fold AUC %.4f, business cost %.4f per client, %s".formatted(full.get(winner).auc(target),
                costs.get(winner).costPerClient(), candidates.get(winner).isEmpty() ? "the default settings" : candidates.get(winner));
        ModelCard.Tuning record = new ModelCard.Tuning(method, rows.length, screeningFolds(), records, winner, reason);
        return new Outcome(candidates.get(winner), full.get(winner), record);
    }
}
