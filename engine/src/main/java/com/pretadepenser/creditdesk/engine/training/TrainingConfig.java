package com.pretadepenser.creditdesk.engine.training;

import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that decides a training run. The command line's defaults (TrainingOptions): 5 folds,
 * seed 42, a missed default costing 10 refused good clients, the LightGBM settings tuned
 * ({@link Tuner}), the class-imbalance treatment chosen by out-of-fold cost, useless features
 * pruned, early stopping after 200 rounds.
 *
 * @param lightgbm LightGBM parameters the user set: they win over the defaults of
 *                 {@link #defaultLightGbm()} and over tuning, which leaves them alone
 * @param tuning   whether and how far {@link Tuner} searches the other settings
 * @param bags     boosters averaged per fit, each with its own seed ({@link #DEFAULT_BAGS} unless asked)
 * @param pruneShare with {@code prune}, features earning at most this share of the total gain are
 *                 dropped (0: only those that earned none)
 */
public record TrainingConfig(int folds, long seed, BusinessCost cost, Imbalance imbalance, boolean prune,
                             int maxRounds, int earlyStopping, double beta, Map<String, String> lightgbm, Tuning tuning,
                             int bags, double pruneShare) {

    /**
     * Pruning's default share of the total cross-validation gain below which a feature goes: 0.3 %.
     * Measured (docs/quality.md): out-of-fold AUC 0.7610 against 0.7591 (genuine sample, mean of 3
     * seeds, 30-51 features kept instead of 280) and 0.7987 against 0.7970 (demo, 29 instead of 327).
     */
    public static final double DEFAULT_PRUNE_SHARE = 0.003;

    /**
     * Boosters averaged by default: one. Averaging three (seeds 42, 43, 44 on the genuine sample,
     * docs/quality.md) gave the same mean out-of-fold AUC (0.7591) for 1.5 times the time.
     */
    public static final int DEFAULT_BAGS = 1;

    /**
     * How the rarity of defaults is handled. AUTO tries none and is_unbalance and keeps the cheaper;
     * scale_pos_weight (repayers / defaulters) is the weight is_unbalance gives, so it is not tried again.
     */
    public enum Imbalance { NONE, IS_UNBALANCE, SCALE_POS_WEIGHT, AUTO }

    /**
     * The settings search: {@code candidates} settings tried (the defaults and a known-good small
     * tree among them), and a time cap in minutes after which no new candidate starts (0: none).
     */
    public record Tuning(boolean enabled, int candidates, double maxMinutes) {
        public static final Tuning OFF = new Tuning(false, 0, 0);
        public static final Tuning DEFAULT = new Tuning(true, 16, 0);

        public Tuning {
            if (enabled && candidates < 2) {
                throw new IllegalArgumentException("tuning needs at least 2 candidates, got " + candidates);
            }
            if (maxMinutes < 0) {
                throw new IllegalArgumentException("the tuning time cap must be 0 (none) or positive, got " + maxMinutes);
            }
        }
    }

    public TrainingConfig {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        if (maxRounds < 1 || earlyStopping < 1) {
            throw new IllegalArgumentException("rounds and early stopping must be positive");
        }
        lightgbm = Map.copyOf(lightgbm);
        tuning = tuning == null ? Tuning.OFF : tuning;
        if (bags < 1) {
            throw new IllegalArgumentException("at least one booster per fit, got " + bags);
        }
        if (!(pruneShare >= 0 && pruneShare < 1)) {
            throw new IllegalArgumentException("the pruning share must lie in [0, 1), got " + pruneShare);
        }
    }

    /** A run of one booster per fit, without the settings search, pruning only features of no gain. */
    public TrainingConfig(int folds, long seed, BusinessCost cost, Imbalance imbalance, boolean prune,
                          int maxRounds, int earlyStopping, double beta, Map<String, String> lightgbm) {
        this(folds, seed, cost, imbalance, prune, maxRounds, earlyStopping, beta, lightgbm, Tuning.OFF, DEFAULT_BAGS, 0);
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

    /** The LightGBM settings of a fit: the defaults, then {@code tuned}, then what the user set. */
    public Map<String, String> settings(Map<String, String> tuned) {
        Map<String, String> merged = new LinkedHashMap<>(defaultLightGbm());
        merged.putAll(tuned);
        merged.putAll(lightgbm);
        return merged;
    }

    /** The settings without tuning: the defaults and what the user set. */
    public Map<String, String> settings() {
        return settings(Map.of());
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(folds, newSeed, cost, imbalance, prune, maxRounds, earlyStopping, beta, lightgbm, tuning, bags, pruneShare);
    }

    public TrainingConfig withImbalance(Imbalance newImbalance) {
        return new TrainingConfig(folds, seed, cost, newImbalance, prune, maxRounds, earlyStopping, beta, lightgbm, tuning, bags, pruneShare);
    }

    public TrainingConfig withBags(int newBags) {
        return new TrainingConfig(folds, seed, cost, imbalance, prune, maxRounds, earlyStopping, beta, lightgbm, tuning, newBags, pruneShare);
    }

    public TrainingConfig withTuning(Tuning newTuning) {
        return new TrainingConfig(folds, seed, cost, imbalance, prune, maxRounds, earlyStopping, beta, lightgbm, newTuning, bags, pruneShare);
    }
}
