package com.pretadepenser.creditdesk.engine.model;

import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a shipped model is, how it was made and what it is for: written as {@code model-card.json}
 * beside the LightGBM model text (kebab-case keys, versioned). Loading a model checks the text's
 * SHA-256 against {@link ModelFile#sha256()} and the data against {@link #features()}.
 */
public record ModelCard(
        @JsonProperty("schema-version") int schemaVersion,
        @JsonProperty("name") String name,
        @JsonProperty("trained-at") String trainedAt,
        @JsonProperty("model-file") ModelFile modelFile,
        @JsonProperty("training-data") TrainingData trainingData,
        @JsonProperty("features") List<Feature> features,
        @JsonProperty("feature-schema") FeatureSchema featureSchema,
        @JsonProperty("hyper-parameters") Map<String, String> hyperParameters,
        @JsonProperty("rounds") int rounds,
        @JsonProperty("imbalance") ImbalanceChoice imbalance,
        @JsonProperty("tuning") Tuning tuning,
        @JsonProperty("cross-validation") CrossValidationSummary crossValidation,
        @JsonProperty("metrics") Metrics metrics,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("costs") BusinessCost costs,
        @JsonProperty("cost-curve") List<BusinessCost.CostPoint> costCurve,
        @JsonProperty("global-importance") Map<String, Double> globalImportance,
        @JsonProperty("usage") Usage usage,
        @JsonProperty("environment") Map<String, String> environment) {

    /** 2 added {@code tuning}; a version 1 card reads with it null. */
    public static final int SCHEMA_VERSION = 2;

    public ModelCard {
        Objects.requireNonNull(modelFile, "model-file");
        Objects.requireNonNull(features, "features");
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must lie strictly between 0 and 1, got " + threshold);
        }
        features = List.copyOf(features);
        costCurve = List.copyOf(costCurve);
        hyperParameters = Map.copyOf(hyperParameters);
        environment = Map.copyOf(environment);
        globalImportance = globalImportance == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(globalImportance));
    }

    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }

    public record ModelFile(@JsonProperty("file") String file, @JsonProperty("sha256") String sha256) {
    }

    /** The data the model learned from, traceable to its files. */
    public record TrainingData(
            @JsonProperty("dataset") String dataset,
            @JsonProperty("synthetic") boolean synthetic,
            @JsonProperty("sources") List<Source> sources,
            @JsonProperty("labelled-rows") int labelledRows,
            @JsonProperty("default-rate") double defaultRate) {
    }

    public record Source(@JsonProperty("file") String file, @JsonProperty("sha256") String sha256, @JsonProperty("rows") long rows) {
    }

    /** One model input, in model order. */
    public record Feature(
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("source-table") String sourceTable,
            @JsonProperty("categorical") boolean categorical,
            @JsonProperty("gain") double gain) {
    }

    /** The class-imbalance treatments tried and the one kept. */
    public record ImbalanceChoice(
            @JsonProperty("chosen") String chosen,
            @JsonProperty("reason") String reason,
            @JsonProperty("candidates") List<ImbalanceCandidate> candidates) {
    }

    public record ImbalanceCandidate(
            @JsonProperty("mode") String mode,
            @JsonProperty("oof-auc") double oofAuc,
            @JsonProperty("oof-cost-per-client") double oofCost,
            @JsonProperty("oof-brier") double oofBrier,
            @JsonProperty("threshold") double threshold) {
    }

    /**
     * The settings search (the trainer's {@code Tuner}), or null when training was told not to tune: every
     * candidate with its settings and scores, and the one kept.
     */
    public record Tuning(
            @JsonProperty("method") String method,
            @JsonProperty("screening-rows") int screeningRows,
            @JsonProperty("screening-folds") int screeningFolds,
            @JsonProperty("candidates") List<TuningCandidate> candidates,
            @JsonProperty("chosen") int chosen,
            @JsonProperty("reason") String reason) {
        public Tuning {
            candidates = List.copyOf(candidates);
            if (chosen < 0 || chosen >= candidates.size()) {
                throw new IllegalArgumentException("chosen candidate " + chosen + " of " + candidates.size());
            }
        }
    }

    /**
     * One tried setting: its screening AUC (on the screening folds), and, for the finalists,
     * the out-of-fold AUC and business cost of the full cross-validation (null otherwise).
     */
    public record TuningCandidate(
            @JsonProperty("settings") Map<String, String> settings,
            @JsonProperty("screening-auc") double screeningAuc,
            @JsonProperty("oof-auc") Double oofAuc,
            @JsonProperty("oof-cost-per-client") Double oofCost,
            @JsonProperty("mean-best-round") Double meanBestRound) {
        public TuningCandidate {
            settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        }
    }

    public record CrossValidationSummary(
            @JsonProperty("folds") int folds,
            @JsonProperty("seed") long seed,
            @JsonProperty("best-iterations") List<Integer> bestIterations,
            @JsonProperty("fold-metrics") List<Metrics> foldMetrics,
            @JsonProperty("features-before-pruning") int featuresBeforePruning) {
    }

    public record Usage(
            @JsonProperty("intended-use") String intendedUse,
            @JsonProperty("out-of-scope") List<String> outOfScope,
            @JsonProperty("limitations") List<String> limitations) {
    }
}
