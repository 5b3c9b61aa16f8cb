package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.training.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** The training options shared by {@code train} and {@code holdout}. */
final class TrainingOptions {
    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds. Default: ${DEFAULT-VALUE}.")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of folds and LightGBM. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--cost-fn", defaultValue = "10", description = "Cost of granting a client who defaults. Default: ${DEFAULT-VALUE}.")
    double costFn;

    @Option(names = "--cost-fp", defaultValue = "1", description = "Cost of refusing a client who would repay. Default: ${DEFAULT-VALUE}.")
    double costFp;

    @Option(names = "--imbalance", defaultValue = "auto",
            description = "none, is_unbalance, scale_pos_weight, or auto (try none and is_unbalance, keep the cheaper out of fold). Default: ${DEFAULT-VALUE}.")
    String imbalance;

    @Option(names = "--no-prune", description = "Keep features that earned no gain in cross-validation.")
    boolean noPrune;

    @Option(names = "--prune-share", defaultValue = "0.003",
            description = "Drop features earning at most this share of the cross-validation gain (0: only those earning none). Default: ${DEFAULT-VALUE}.")
    double pruneShare;

    @Option(names = "--max-rounds", defaultValue = "3000", description = "Most boosting rounds. Default: ${DEFAULT-VALUE}.")
    int maxRounds;

    @Option(names = "--early-stopping", defaultValue = "200", description = "Rounds without validation AUC gain before a fold stops. Default: ${DEFAULT-VALUE}.")
    int earlyStopping;

    @Option(names = "--tune", defaultValue = "auto",
            description = "auto: choose LightGBM's settings by cross-validation (successive halving); off: the defaults. Default: ${DEFAULT-VALUE}.")
    String tune;

    @Option(names = "--tune-budget", defaultValue = "16", description = "Settings the tuning tries. Default: ${DEFAULT-VALUE}.")
    int tuneBudget;

    @Option(names = "--tune-minutes", defaultValue = "0",
            description = "Start no new setting after this many minutes of tuning (0: no limit). Default: ${DEFAULT-VALUE}.")
    double tuneMinutes;

    @Option(names = "--bags", defaultValue = "1",
            description = "Boosters averaged per model, each with its own seed (one model file either way). Default: ${DEFAULT-VALUE}.")
    int bags;

    @Option(names = "--param", description = "A LightGBM parameter, key=value (repeatable), e.g. --param num_leaves=15.")
    Map<String, String> params = new LinkedHashMap<>();

    TrainingConfig config() {
        TrainingConfig.Imbalance mode;
        try {
            mode = TrainingConfig.Imbalance.valueOf(imbalance.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--imbalance must be none, is_unbalance, scale_pos_weight or auto, not " + imbalance);
        }
        TrainingConfig.Tuning tuning = switch (tune.toLowerCase(Locale.ROOT)) {
            case "auto" -> new TrainingConfig.Tuning(true, tuneBudget, tuneMinutes);
            case "off" -> TrainingConfig.Tuning.OFF;
            default -> throw new IllegalArgumentException("--tune must be auto or off, not " + tune);
        };
        if (bags < 1) {
            throw new IllegalArgumentException("--bags must be at least 1, not " + bags);
        }
        return new TrainingConfig(folds, seed, new BusinessCost(costFn, costFp), mode, !noPrune, maxRounds, earlyStopping, 2, params,
                tuning, bags, pruneShare);
    }
}
