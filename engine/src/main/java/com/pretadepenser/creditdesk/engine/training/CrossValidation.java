package com.pretadepenser.creditdesk.engine.training;

import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.model.LightGbmBooster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Stratified k-fold cross-validation with early stopping on each held-out fold: out-of-fold
 * probabilities for every labelled client, the best round of each fold and the gain each feature
 * earned. Seeded: the same seed gives the same folds and, LightGBM being deterministic here, the
 * same predictions.
 */
final class CrossValidation {
    record Result(double[] oof, List<Integer> bestIterations, Map<String, Double> gain, List<double[]> foldPredictions,
                  int[][] foldRows) {
        double meanBestIteration() {
            return bestIterations.stream().mapToInt(Integer::intValue).average().orElse(1);
        }
    }

    private CrossValidation() {
    }

    static Result run(FeatureMatrix features, int[] target, List<String> featureNames, TrainingConfig config,
                      TrainingConfig.Imbalance imbalance, String label, int[] step, int steps,
                      TrainingListener listener, BooleanSupplier cancelled) {
        int[] fold = StratifiedFolds.assign(target, config.folds(), config.seed());
        double[] oof = new double[target.length];
        List<Integer> best = new ArrayList<>();
        Map<String, Double> gain = new HashMap<>();
        featureNames.forEach(f -> gain.put(f, 0.0));
        List<double[]> foldPredictions = new ArrayList<>();
        int[][] foldRows = new int[config.folds()][];
        for (int k = 0; k < config.folds(); k++) {
            final int current = k;
            int[] trainRows = java.util.stream.IntStream.range(0, target.length).filter(i -> fold[i] != current).toArray();
            int[] validRows = java.util.stream.IntStream.range(0, target.length).filter(i -> fold[i] == current).toArray();
            listener.fitStarted("%s, fold %d/%d".formatted(label, k + 1, config.folds()), ++step[0], steps);
            try (LightGbmBooster model = LightGbmBooster.train(
                    matrix(features, trainRows, featureNames), labels(target, trainRows),
                    matrix(features, validRows, featureNames), labels(target, validRows),
                    parameters(config, imbalance, target, trainRows, k), config.maxRounds(), config.earlyStopping(),
                    listener::round, cancelled)) {
                double[] raw = model.rawScores(features.rowMajor(validRows, featureNames), validRows.length,
                        Integer.parseInt(config.lightgbm().getOrDefault("num_threads", "2")));
                double[] probability = new double[validRows.length];
                for (int i = 0; i < validRows.length; i++) {
                    probability[i] = 1 / (1 + Math.exp(-raw[i]));
                    oof[validRows[i]] = probability[i];
                }
                foldPredictions.add(probability);
                foldRows[k] = validRows;
                best.add(model.bestIteration());
                double[] importance = model.gainImportance();
                for (int f = 0; f < featureNames.size(); f++) {
                    gain.merge(featureNames.get(f), importance[f], Double::sum);
                }
            }
        }
        return new Result(oof, best, gain, foldPredictions, foldRows);
    }

    static LightGbmBooster.Matrix matrix(FeatureMatrix features, int[] rows, List<String> names) {
        int[] categorical = java.util.stream.IntStream.range(0, names.size())
                .filter(i -> FeaturePipeline.isCategorical(names.get(i))).toArray();
        return new LightGbmBooster.Matrix(features.rowMajor(rows, names), rows.length, names, categorical);
    }

    static float[] labels(int[] target, int[] rows) {
        float[] labels = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = target[rows[i]];
        }
        return labels;
    }

    /** The configured LightGBM parameters plus the imbalance treatment and a per-fold seed. */
    static Map<String, String> parameters(TrainingConfig config, TrainingConfig.Imbalance imbalance, int[] target,
                                          int[] trainRows, int fold) {
        Map<String, String> p = new HashMap<>(config.lightgbm());
        p.put("seed", Long.toString(config.seed() + 1000L * fold));
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
