package com.pretadepenser.creditdesk.engine.model;

import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a shipped model is, how it was made and what it is for, in four parts as model cards usually
 * are: {@link ModelDetails} (what the model is: its file, inputs, settings), {@link TrainingDetails}
 * (the data it learned from and how it was chosen), {@link Evaluation} (how well it does, its threshold
 * and costs) and {@link UsageDetails} (what it is for and not for). Written as {@code model-card.json}
 * beside the LightGBM model text (kebab-case keys, versioned; {@link ModelCardJson} reads every earlier
 * version). Loading a model checks the text's SHA-256 against {@link ModelFile#sha256()} and the data
 * against {@link ModelDetails#features()}.
 */
public record ModelCard(
        @JsonProperty("schema-version") int schemaVersion,
        @JsonProperty("model-details") ModelDetails details,
        @JsonProperty("training-details") TrainingDetails training,
        @JsonProperty("evaluation") Evaluation evaluation,
        @JsonProperty("usage-details") UsageDetails usage) {

    /**
     * 5 added {@code training-details.distributed} (a model trained by several workers); 4 added
     * {@code evaluation.fairness}; 3 splits the card into its four parts ({@code model-details}, {@code training-details},
     * {@code evaluation}, {@code usage-details}); 2 added {@code tuning} to the flat card of 1. A
     * version 1 or 2 card reads into the parts ({@link ModelCardJson}), a version 1 one with no tuning.
     */
    public static final int SCHEMA_VERSION = 5;

    public ModelCard {
        java.util.Objects.requireNonNull(details, "model-details");
        java.util.Objects.requireNonNull(training, "training-details");
        java.util.Objects.requireNonNull(evaluation, "evaluation");
    }

    /** The model's inputs' names, in model order. */
    public List<String> featureNames() {
        return details.features().stream().map(Feature::name).toList();
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

    /**
     * A model trained by several workers on LightGBM's network: how many, the tree learner
     * ({@code data} or {@code voting}), and each worker's shard.
     */
    public record DistributedTraining(
            @JsonProperty("machines") int machines,
            @JsonProperty("tree-learner") String treeLearner,
            @JsonProperty("shards") List<Shard> shards) {
        public DistributedTraining {
            shards = List.copyOf(shards);
            if (shards.size() != machines) {
                throw new IllegalArgumentException(shards.size() + " shards for " + machines + " machines");
            }
        }
    }

    /**
     * One worker's shard: its rank, its dataset, its labelled applicants, and the SHA-256 of its
     * sources' hashes (file name and SHA-256 of each, in order), which names its data exactly.
     */
    public record Shard(
            @JsonProperty("rank") int rank,
            @JsonProperty("dataset") String dataset,
            @JsonProperty("labelled-rows") int labelledRows,
            @JsonProperty("sha256") String sha256,
            @JsonProperty("sources") List<Source> sources) {
        public Shard {
            sources = List.copyOf(sources);
        }
    }

    public record CrossValidationSummary(
            @JsonProperty("folds") int folds,
            @JsonProperty("seed") long seed,
            @JsonProperty("best-iterations") List<Integer> bestIterations,
            @JsonProperty("fold-metrics") List<Metrics> foldMetrics,
            @JsonProperty("features-before-pruning") int featuresBeforePruning) {
    }

}
