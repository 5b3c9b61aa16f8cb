package com.pretadepenser.creditdesk.engine.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that decides a training run. The command line's defaults (TrainingOptions): 5 folds,
 * seed 42, a missed default costing 10 refused good clients, the class-imbalance treatment chosen
 * by out-of-fold cost, useless features pruned, early stopping after 200 rounds.
 *
 * @param lightgbm LightGBM parameters on top of the defaults of {@link #defaultLightGbm()}
 */
public record TrainingConfig(int folds, long seed, BusinessCost cost, Imbalance imbalance, boolean prune,
                             int maxRounds, int earlyStopping, double beta, Map<String, String> lightgbm) {

    /** How the rarity of defaults is handled. AUTO tries the other three and keeps the cheapest. */
    public enum Imbalance { NONE, IS_UNBALANCE, SCALE_POS_WEIGHT, AUTO }

    public TrainingConfig {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        if (maxRounds < 1 || earlyStopping < 1) {
            throw new IllegalArgumentException("rounds and early stopping must be positive");
        }
        Map<String, String> merged = new LinkedHashMap<>(defaultLightGbm());
        merged.putAll(lightgbm);
        lightgbm = Map.copyOf(merged);
    }

    public static Map<String, String> defaultLightGbm() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("learning_rate", "0.03");
        p.put("num_leaves", "31");
        p.put("min_data_in_leaf", "50");
        p.put("feature_fraction", "0.5");
        p.put("bagging_fraction", "0.8");
        p.put("bagging_freq", "1");
        p.put("lambda_l2", "1.0");
        p.put("cat_smooth", "10");
        p.put("num_threads", "2");
        p.put("deterministic", "true");
        p.put("force_row_wise", "true");
        return p;
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(folds, newSeed, cost, imbalance, prune, maxRounds, earlyStopping, beta, lightgbm);
    }

    public TrainingConfig withImbalance(Imbalance newImbalance) {
        return new TrainingConfig(folds, seed, cost, newImbalance, prune, maxRounds, earlyStopping, beta, lightgbm);
    }
}
