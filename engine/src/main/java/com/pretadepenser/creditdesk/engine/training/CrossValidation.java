package com.pretadepenser.creditdesk.engine.training;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmDataset;
import com.pretadepenser.creditdesk.engine.lightgbm.ModelException;
import com.pretadepenser.creditdesk.engine.trees.TreeEnsemble;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Stratified k-fold cross-validation with early stopping on each held-out fold: out-of-fold
 * probabilities for every labelled client, the best round of each fold and the gain each feature
 * earned. Seeded: the same seed gives the same folds and, LightGBM being deterministic here, the
 * same predictions. The tuner runs part of the folds, on all rows or a stratified subsample.
 */
final class CrossValidation {
    /**
     * @param oof out-of-fold probabilities of every labelled row, NaN for rows no run fold held out
     */
    record Result(double[] oof, List<Integer> bestIterations, Map<String, Double> gain, List<double[]> foldPredictions,
                  int[][] foldRows) {
        double meanBestIteration() {
            return bestIterations.stream().mapToInt(Integer::intValue).average().orElse(1);
        }

        /** This run's folds followed by {@code more}'s, on the same rows. */
        Result merge(Result more) {
            double[] both = oof.clone();
            for (int i = 0; i < both.length; i++) {
                if (!Double.isNaN(more.oof[i])) {
                    both[i] = more.oof[i];
                }
            }
            List<Integer> iterations = new ArrayList<>(bestIterations);
            iterations.addAll(more.bestIterations);
            Map<String, Double> gains = new HashMap<>(gain);
            more.gain.forEach((k, v) -> gains.merge(k, v, Double::sum));
            List<double[]> predictions = new ArrayList<>(foldPredictions);
            predictions.addAll(more.foldPredictions);
            int[][] rows = java.util.stream.Stream.concat(Arrays.stream(foldRows), Arrays.stream(more.foldRows)).toArray(int[][]::new);
            return new Result(both, iterations, gains, predictions, rows);
        }

        /** AUC over the rows the run folds held out. */
        double auc(int[] target) {
            int[] rows = IntStream.range(0, oof.length).filter(i -> !Double.isNaN(oof[i])).toArray();
            return Statistics.auc(IntStream.of(rows).mapToDouble(i -> oof[i]).toArray(), IntStream.of(rows).map(i -> target[i]).toArray());
        }
    }

    /** Which rows take part (indices into the labelled rows) and which of the folds are run. */
    record Plan(int[] rows, int[] fold, int[] foldsRun) {
        /** Every labelled row, every fold of the config. */
        static Plan all(int[] target, TrainingConfig config) {
            return of(IntStream.range(0, target.length).toArray(), target, config, config.folds());
        }

        /** The same rows and folds, running only the first {@code count} of this plan's folds. */
        Plan firstFolds(int count) {
            return new Plan(rows, fold, Arrays.copyOf(foldsRun, Math.min(count, foldsRun.length)));
        }

        /** The same rows and folds, running this plan's folds from position {@code from} on. */
        Plan foldsFrom(int from) {
            return new Plan(rows, fold, Arrays.copyOfRange(foldsRun, Math.min(from, foldsRun.length), foldsRun.length));
        }

        /** The first {@code run} folds of {@code rows}, dealt as the config deals its folds. */
        static Plan of(int[] rows, int[] target, TrainingConfig config, int run) {
            int[] labels = IntStream.of(rows).map(i -> target[i]).toArray();
            return new Plan(rows, StratifiedFolds.assign(labels, config.folds(), config.seed()), IntStream.range(0, run).toArray());
        }
    }

    private CrossValidation() {
    }

    static Result run(TrainingSet data, List<String> featureNames, TrainingConfig config,
                      Map<String, String> settings, TrainingConfig.Imbalance imbalance, String label, Plan plan,
                      int[] step, int steps, ProgressMonitor monitor) {
        return run(data, featureNames, config, settings, imbalance, label, plan, 1, step, steps, monitor);
    }

    /** As above, each fold's prediction the mean raw score of {@code bags} boosters of different seeds. */
    static Result run(TrainingSet data, List<String> featureNames, TrainingConfig config,
                      Map<String, String> settings, TrainingConfig.Imbalance imbalance, String label, Plan plan, int bags,
                      int[] step, int steps, ProgressMonitor monitor) {
        int[] target = data.target();
        int[] categorical = TrainingSet.categorical(featureNames);
        int threads = Integer.parseInt(settings.getOrDefault("num_threads", "2"));
        double[] oof = new double[target.length];
        Arrays.fill(oof, Double.NaN);
        List<Integer> best = new ArrayList<>();
        Map<String, Double> gain = new HashMap<>();
        featureNames.forEach(f -> gain.put(f, 0.0));
        List<double[]> foldPredictions = new ArrayList<>();
        int[][] foldRows = new int[plan.foldsRun().length][];
        for (int k = 0; k < plan.foldsRun().length; k++) {
            final int current = plan.foldsRun()[k];
            int[] trainRows = IntStream.range(0, plan.rows().length).filter(i -> plan.fold()[i] != current).map(i -> plan.rows()[i]).toArray();
            int[] validRows = IntStream.range(0, plan.rows().length).filter(i -> plan.fold()[i] == current).map(i -> plan.rows()[i]).toArray();
            String fit = "%s, fold %d/%d".formatted(label, k + 1, plan.foldsRun().length);
            long before = ++step[0] - 1;
            monitor.phase(fit);
            monitor.progress(before, steps, fit);
            // The bar moves at each fit's start; within a fit only its rounds' message changes.
            ProgressMonitor boosting = monitor.part(before, before, steps, fit);
            double[] raw = new double[validRows.length];
            int rounds = 0;
            // The fold's rows of the run's one binned dataset, shared by all its bags.
            try (LightGbmDataset trainSet = data.subset(featureNames, trainRows);
                 LightGbmDataset validSet = data.subset(featureNames, validRows)) {
                for (int b = 0; b < bags; b++) {
                    try (LightGbmBooster model = LightGbmBooster.train(trainSet, validSet,
                            parameters(settings, bagSeed(config.seed(), b), imbalance, target, trainRows, current), categorical,
                            config.maxRounds(), config.earlyStopping(), boosting)) {
                        requireReadable(model.modelText(), label + ", fold " + (k + 1));
                        double[] bagRaw = data.rawScores(model, featureNames, validRows, threads);
                        for (int i = 0; i < raw.length; i++) {
                            raw[i] += bagRaw[i] / bags;
                        }
                        rounds += model.bestIteration();
                        double[] importance = model.gainImportance();
                        for (int f = 0; f < featureNames.size(); f++) {
                            gain.merge(featureNames.get(f), importance[f], Double::sum);
                        }
                    }
                }
            }
            double[] probability = new double[validRows.length];
            for (int i = 0; i < validRows.length; i++) {
                probability[i] = 1 / (1 + Math.exp(-raw[i]));
                oof[validRows[i]] = probability[i];
            }
            foldPredictions.add(probability);
            foldRows[k] = validRows;
            best.add(Math.round(rounds / (float) bags));
        }
        return new Result(oof, best, gain, foldPredictions, foldRows);
    }

    /**
     * Fails at the first fold, not after the long work, if our reader cannot take the model text
     * LightGBM writes (it once could not read {@code inf} thresholds: the final model was lost).
     */
    static void requireReadable(String modelText, String which) {
        try {
            TreeEnsemble.parse(modelText);
        } catch (ModelException e) {
            throw new CreditDeskException(e, EngineMessage.TRAINING_UNREADABLE_MODEL, which, e);
        }
    }

    /** The seed of bag {@code b}: bag 0 keeps the configured seed, so one bag is the unbagged fit. */
    static long bagSeed(long seed, int b) {
        return seed + 100_003L * b;
    }

    /** The fit's LightGBM settings plus the imbalance treatment and a per-fold seed. */
    static Map<String, String> parameters(Map<String, String> settings, long seed, TrainingConfig.Imbalance imbalance, int[] target,
                                          int[] trainRows, int fold) {
        Map<String, String> p = new HashMap<>(settings);
        p.put("seed", Long.toString(seed + 1000L * fold));
        switch (imbalance) {
            case IS_UNBALANCE -> p.put("is_unbalance", "true");
            case SCALE_POS_WEIGHT -> {
                long positives = Arrays.stream(trainRows).filter(i -> target[i] == 1).count();
                long negatives = trainRows.length - positives;
                p.put("scale_pos_weight", Double.toString(negatives / (double) Math.max(1, positives)));
            }
            default -> { }
        }
        return p;
    }
}
