package com.pretadepenser.creditdesk.engine.training;

import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.EngineText;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.evaluation.Fairness;
import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.model.Evaluation;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.model.ModelDetails;
import com.pretadepenser.creditdesk.engine.model.TrainingDetails;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureDescriptions;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.pretadepenser.creditdesk.engine.trees.LightGbmAgreement;
import com.pretadepenser.creditdesk.engine.trees.TreeEnsemble;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;

/**
 * Trains the scoring model: features for every labelled applicant (float32, computed in chunks),
 * binned by LightGBM once per feature list; the settings tuned by cross-validation; the first
 * class-imbalance treatment cross-validated on every feature; pruning of features that earned
 * (almost) no gain; each treatment cross-validated on the kept features, keeping the one of least
 * out-of-fold business cost; the threshold of least expected cost on its out-of-fold predictions;
 * then one final model on all labelled applicants for the mean best number of rounds.
 */
public final class Trainer {
    /** A trained model and what proves its worth. */
    public record TrainedModel(ModelCard card, String modelText, double[] oof, int[] target) {
    }

    /**
     * Training ended in a model that the steps after it (reading it back, importance) failed on:
     * the model text is kept so that the caller can save it instead of throwing the work away.
     */
    public static final class UnsavedModelException extends CreditDeskException {
        private static final long serialVersionUID = 1L;
        private final transient String modelText;

        UnsavedModelException(EngineMessage step, Throwable cause, String modelText) {
            super(cause, EngineMessage.TRAINING_UNSAVED, EngineText.of(step), reason(cause));
            this.modelText = modelText;
        }

        private static Object reason(Throwable cause) {
            if (cause instanceof OutOfMemoryError) {
                return EngineText.of(EngineMessage.TRAINING_OUT_OF_MEMORY, com.pretadepenser.creditdesk.engine.OutOfMemory.heapText());
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        }

        public String modelText() {
            return modelText;
        }
    }

    /** Where the training data came from, for the card. */
    public record DataOrigin(String dataset, boolean synthetic, List<ModelCard.Source> sources) {
    }

    /**
     * Trains on {@code data}'s labelled applicants. {@code monitor} is told the fits done of those
     * planned (0 of 1 while the features are computed, with the share in the message), the fit
     * under way and, every {@link LightGbmBooster#ROUNDS_PER_REPORT} rounds, its round and AUC; it
     * ends with all fits done. Cancelled (polled every round), it throws a
     * {@link java.util.concurrent.CancellationException} and nothing is returned to write.
     */
    public TrainedModel train(HomeCreditData data, DataOrigin origin, String name, TrainingConfig config, ProgressMonitor monitor) {
        Table train = data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow(() -> new CreditDeskException(
                EngineMessage.TRAINING_NO_LABELS));
        int[] labelled = IntStream.range(0, train.rowCount())
                .filter(i -> train.intColumn("TARGET").getInt(i) != Integer.MIN_VALUE).toArray();
        Table applications = train.rows(labelled);
        int[] target = applications.intColumn("TARGET").asIntArray();
        long defaults = IntStream.of(target).filter(t -> t == 1).count();
        if (defaults < config.folds() || target.length - defaults < config.folds()) {
            throw new CreditDeskException(EngineMessage.TRAINING_TOO_FEW_CLASSES, config.folds(), defaults, target.length - defaults);
        }
        FeatureSchema schema = FeatureSchema.fit(data);
        monitor.phase("features of " + target.length + " applicants");
        try (TrainingSet set = TrainingSet.compute(new FeaturePipeline(schema), applications, new ClientHistory(data), target,
                config.settings(), config.seed(), preparing(monitor, "features of " + target.length + " applicants"))) {
            handBackHeap();
            return train(set, schema, origin, name, config, defaults, applications, monitor);
        }
    }


    /**
     * The features exist: the history's caches and the chunks' garbage are dead. A full collection
     * now, allowed to shrink the heap to 1.4x what is live (the JVM keeps up to 3.3x by default),
     * hands back what the heap grew to while computing them before LightGBM allocates its bins
     * natively: the process's peak memory (docs/benchmarks.md). The heap grows again if a later
     * step needs it. The two ratios are the process's from then on: they only decide how far a
     * full collection shrinks the heap, which the dashboard and the API rarely run.
     */
    private static void handBackHeap() {
        try {
            var vm = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            vm.setVMOption("MinHeapFreeRatio", "10");
            vm.setVMOption("MaxHeapFreeRatio", "30");
        } catch (RuntimeException | LinkageError e) {
            // another JVM, a runtime without jdk.management, or flags not manageable there: the collection below still helps
        }
        System.gc();
    }

    /**
     * The fits, on one binned dataset per feature list: the settings (tuned unless told otherwise);
     * the first imbalance treatment cross-validated on every feature; pruning on its gains; the
     * treatments compared on the kept features; the final model.
     */
    private TrainedModel train(TrainingSet set, FeatureSchema schema, DataOrigin origin, String name, TrainingConfig config,
                               long defaults, Table applications, ProgressMonitor monitor) {
        int[] target = set.target();
        List<String> allFeatures = set.names();
        Tuner tuner = config.tuning().enabled() ? new Tuner(set, allFeatures, config) : null;
        List<TrainingConfig.Imbalance> candidates = config.imbalance() == TrainingConfig.Imbalance.AUTO
                ? List.of(TrainingConfig.Imbalance.NONE, TrainingConfig.Imbalance.IS_UNBALANCE)
                : List.of(config.imbalance());
        TrainingConfig.Imbalance first = candidates.get(0);
        int bags = config.bags();
        // The tuner's winner was cross-validated with one booster per fold, untreated: reused if no more are averaged.
        boolean reuseTuned = tuner != null && bags == 1 && first == TrainingConfig.Imbalance.NONE;
        // Pruning needs only gains: the first PRUNING_FOLDS folds on every feature, the rest run only if it drops nothing.
        int pruningFolds = config.prune() ? Math.min(PRUNING_FOLDS, config.folds()) : config.folds();
        // Planned with pruning dropping features (every treatment then runs on the kept ones); corrected if it drops none.
        int beforePruning = (tuner == null ? 0 : tuner.plannedFits()) + (reuseTuned ? 0 : pruningFolds);
        int steps = beforePruning + (config.prune() ? candidates.size() : candidates.size() - 1) * config.folds() + 1;
        int[] step = {0};
        Tuner.Outcome tuned = tuner == null ? null : tuner.run(step, steps, monitor);
        Map<String, String> settings = config.settings(tuned == null ? Map.of() : tuned.tuned());
        CrossValidation.Plan plan = CrossValidation.Plan.all(target, config);

        CrossValidation.Result onAll = reuseTuned ? tuned.cv()
                : CrossValidation.run(set, allFeatures, config, settings, first, label(first.name().toLowerCase(), bags),
                plan.firstFolds(pruningFolds), bags, step, steps, monitor);
        List<String> used = allFeatures;
        if (config.prune()) {
            double total = onAll.gain().values().stream().mapToDouble(Double::doubleValue).sum();
            double least = config.pruneShare() * total;
            CrossValidation.Result gains = onAll;
            List<String> useful = allFeatures.stream().filter(f -> gains.gain().get(f) > least).toList();
            if (useful.size() < allFeatures.size() && !useful.isEmpty()) {
                used = useful;
                set.release(allFeatures);
            } else {
                // Nothing to drop: the first treatment's cross-validation on every feature is completed and kept.
                int rest = reuseTuned ? 0 : config.folds() - pruningFolds;
                steps += rest - config.folds();
                if (rest > 0) {
                    onAll = onAll.merge(CrossValidation.run(set, allFeatures, config, settings, first,
                            label(first.name().toLowerCase(), bags), plan.foldsFrom(pruningFolds), bags, step, steps, monitor));
                }
            }
        }
        boolean pruned = used != allFeatures;
        final CrossValidation.Result firstOnAll = onAll;

        Map<TrainingConfig.Imbalance, CrossValidation.Result> results = new LinkedHashMap<>();
        List<ModelCard.ImbalanceCandidate> tried = new ArrayList<>();
        for (TrainingConfig.Imbalance mode : candidates) {
            String what = mode.name().toLowerCase() + (pruned ? ", pruned to " + used.size() + " features" : "");
            CrossValidation.Result result = mode == first && !pruned ? firstOnAll
                    : CrossValidation.run(set, used, config, settings, mode, label(what, bags), plan, bags, step, steps, monitor);
            results.put(mode, result);
            BusinessCost.Choice choice = config.cost().choose(result.oof(), target);
            Metrics metrics = Metrics.of(result.oof(), target, choice.threshold(), config.beta());
            tried.add(new ModelCard.ImbalanceCandidate(mode.name().toLowerCase(), metrics.rocAuc(), choice.costPerClient(),
                    metrics.brier(), choice.threshold()));
        }
        ModelCard.ImbalanceCandidate kept = choose(tried);
        TrainingConfig.Imbalance chosen = TrainingConfig.Imbalance.valueOf(kept.mode().toUpperCase());
        final CrossValidation.Result cv = results.get(chosen);

        BusinessCost.Choice choice = config.cost().choose(cv.oof(), target);
        Metrics overall = Metrics.of(cv.oof(), target, choice.threshold(), config.beta());
        List<Metrics> perFold = new ArrayList<>();
        for (int k = 0; k < cv.foldRows().length; k++) {
            int[] rows = cv.foldRows()[k];
            perFold.add(Metrics.of(cv.foldPredictions().get(k), IntStream.of(rows).map(r -> target[r]).toArray(),
                    choice.threshold(), config.beta()));
        }

        int rounds = Math.max(1, (int) Math.round(cv.meanBestIteration()));
        String fit = "final model on all " + target.length + " applicants, " + rounds + " rounds";
        long fits = ++step[0];
        monitor.phase(fit);
        monitor.progress(fits - 1, fits, fit);
        String modelText;
        double[] gain;
        Map<String, Double> importance;
        int[] all = IntStream.range(0, target.length).toArray();
        Map<String, String> finalParameters = CrossValidation.parameters(settings, config.seed(), chosen, target, all, 0);
        finalParameters.put("boosters-averaged", Integer.toString(bags));
        List<LightGbmBooster> boosters = new ArrayList<>();
        int[] categorical = TrainingSet.categorical(used);
        try {
            for (int b = 0; b < bags; b++) {
                if (b > 0) {
                    fit = "final model, booster %d/%d".formatted(b + 1, bags);
                    monitor.phase(fit);
                    monitor.progress(fits - 1, fits, fit);
                }
                boosters.add(LightGbmBooster.train(set.all(used), null,
                        CrossValidation.parameters(settings, CrossValidation.bagSeed(config.seed(), b), chosen, target, all, 0),
                        categorical, rounds, rounds, monitor.part(fits - 1, fits - 1, fits, fit)));
            }
            set.release(used);
            LightGbmBooster model;
            try {
                model = LightGbmBooster.averaged(boosters);
            } catch (RuntimeException | OutOfMemoryError e) {
                throw new UnsavedModelException(EngineMessage.TRAINING_STEP_READ_BACK, e, boosters.get(0).modelText());
            }
            try (model) {
                modelText = model.modelText();
                try {
                    // Each booster's split gains add up in the averaged model: per booster, as with one.
                    gain = java.util.Arrays.stream(model.gainImportance()).map(g -> g / bags).toArray();
                    importance = meanAbsoluteContributions(model, TreeEnsemble.parse(modelText), set, used);
                } catch (RuntimeException | OutOfMemoryError e) {
                    throw new UnsavedModelException(EngineMessage.TRAINING_STEP_IMPORTANCE, e, modelText);
                }
            }
        } finally {
            boosters.forEach(LightGbmBooster::close);
        }
        try {
            List<ModelCard.Feature> cardFeatures = cardFeatures(used, gain);
            Map<String, String> hyper = new LinkedHashMap<>(finalParameters);
            hyper.put("max-rounds", Integer.toString(config.maxRounds()));
            hyper.put("early-stopping-rounds", Integer.toString(config.earlyStopping()));
            ModelCard card = new ModelCard(ModelCard.SCHEMA_VERSION,
                    new ModelDetails(name, Instant.now().toString(),
                            new ModelCard.ModelFile(ModelArtifact.MODEL_FILE, ModelArtifact.sha256(modelText)),
                            cardFeatures, schema, hyper, rounds, importance, ModelArtifact.environment()),
                    new TrainingDetails(
                            new ModelCard.TrainingData(origin.dataset(), origin.synthetic(), origin.sources(), target.length,
                                    defaults / (double) target.length),
                            new ModelCard.ImbalanceChoice(kept.mode(), reason(kept, tried), tried), tuned == null ? null : tuned.record(),
                            new ModelCard.CrossValidationSummary(config.folds(), config.seed(), cv.bestIterations(), perFold, allFeatures.size())),
                    new Evaluation(overall, choice.threshold(), config.cost(), choice.curve(),
                            Fairness.of(cv.oof(), target, choice.threshold(), applications)),
                    ModelArtifact.defaultUsage(origin.synthetic()));
            monitor.progress(fits, fits, fit);
            return new TrainedModel(card, modelText, cv.oof(), target);
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new UnsavedModelException(EngineMessage.TRAINING_STEP_CARD, e, modelText);
        }
    }

    /**
     * Global importance: the mean absolute TreeSHAP contribution of each feature over the labelled
     * applicants, largest first; computed once here and kept in the card. By the Java tree walk
     * when it agrees with LightGBM on this model (seconds instead of minutes at full scale), else by
     * LightGBM.
     */
    /** The card's entry of each feature the model uses: its description, source table, kind and gain. */
    static List<ModelCard.Feature> cardFeatures(List<String> features, double[] gains) {
        List<ModelCard.Feature> out = new ArrayList<>(features.size());
        for (int f = 0; f < features.size(); f++) {
            String feature = features.get(f);
            HomeCreditTable source = FeaturePipeline.sourceTable(feature);
            out.add(new ModelCard.Feature(feature, FeatureDescriptions.describe(feature),
                    source == null ? "application" : source.schemaName(), FeaturePipeline.isCategorical(feature), gains[f]));
        }
        return out;
    }

    static Map<String, Double> meanAbsoluteContributions(LightGbmBooster model, TreeEnsemble trees, TrainingSet features,
                                                                 List<String> used) {
        boolean inJava = LightGbmAgreement.contributionsAgree(trees, model);
        double[] sums = new double[used.size()];
        int rows = features.rows();
        int batch = 10_000;
        for (int from = 0; from < rows; from += batch) {
            int to = Math.min(rows, from + batch);
            double[] contributions;
            if (inJava) {
                contributions = trees.contributions(features.columns(used, from, to), to - from);
            } else {
                contributions = model.contributions(features.rowMajor(IntStream.range(from, to).toArray(), used), to - from, 2);
            }
            for (int r = 0; r < to - from; r++) {
                for (int f = 0; f < used.size(); f++) {
                    sums[f] += Math.abs(contributions[r * (used.size() + 1) + f]);
                }
            }
        }
        Map<String, Double> importance = new LinkedHashMap<>();
        IntStream.range(0, used.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer f) -> -sums[f]))
                .forEach(f -> importance.put(used.get(f), sums[f] / rows));
        return importance;
    }

    /**
     * The features' progress as "{@code what}: P %", told only when the whole percentage changes,
     * with no fit done yet (0 of 1: the fits are planned once the features are known).
     */
    static ProgressMonitor preparing(ProgressMonitor monitor, String what) {
        return new ProgressMonitor() {
            private int percent = -1;

            @Override
            public void progress(long done, long total, String message) {
                int now = total <= 0 ? 100 : (int) Math.floor(100.0 * done / total);
                if (now != percent) {
                    percent = now;
                    monitor.progress(0, 1, "%s: %d %%".formatted(what, now));
                }
            }

            @Override
            public void phase(String name) {
                monitor.phase(name);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
    }

    private static String label(String step, int bags) {
        return bags == 1 ? step : step + " (" + bags + " boosters averaged)";
    }

    /**
     * Folds cross-validated on every feature to learn which earn gain: pruning needs the gains,
     * not out-of-fold predictions (every treatment is then cross-validated on all folds of the kept
     * features). At full scale each of these fits costs minutes on 585 features.
     */
    static final int PRUNING_FOLDS = 2;

    /** Costs this close to the least count as equal: a fold's luck, not a better treatment. */
    static final double COST_TOLERANCE = 0.01;

    /**
     * The treatment of least out-of-fold business cost; among those within {@link #COST_TOLERANCE}
     * of it, the best calibrated (lowest Brier score), because officers read the probability itself
     * and reweighting inflates it.
     */
    static ModelCard.ImbalanceCandidate choose(List<ModelCard.ImbalanceCandidate> tried) {
        double least = tried.stream().mapToDouble(ModelCard.ImbalanceCandidate::oofCost).min().orElseThrow();
        return tried.stream()
                .filter(c -> c.oofCost() <= least * (1 + COST_TOLERANCE))
                .min(Comparator.comparingDouble(ModelCard.ImbalanceCandidate::oofBrier))
                .orElseThrow();
    }

    private static String reason(ModelCard.ImbalanceCandidate kept, List<ModelCard.ImbalanceCandidate> tried) {
        if (tried.size() == 1) {
            return "set by the configuration";
        }
        return ("out-of-fold business cost per client %.4f at its own cost-minimising threshold, within %.0f %% of the least; "
                + "of those, the best calibrated (Brier %.4f); AUC %.4f")
                .formatted(kept.oofCost(), 100 * COST_TOLERANCE, kept.oofBrier(), kept.oofAuc());
    }
}
