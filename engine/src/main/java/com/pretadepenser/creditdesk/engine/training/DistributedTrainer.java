package com.pretadepenser.creditdesk.engine.training;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.cluster.WorkerGroup;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.evaluation.BusinessCost;
import com.pretadepenser.creditdesk.engine.evaluation.Fairness;
import com.pretadepenser.creditdesk.engine.evaluation.Metrics;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.features.FeatureSchema;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmDataset;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmNetwork;
import com.pretadepenser.creditdesk.engine.model.Evaluation;
import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.model.ModelDetails;
import com.pretadepenser.creditdesk.engine.model.TrainingDetails;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import com.pretadepenser.creditdesk.engine.trees.TreeEnsemble;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;

/**
 * The trainer as one of N workers on LightGBM's own data-parallel (or voting-parallel) engine,
 * each holding a shard of the clients (see {@code DatasetShards}). Each worker computes the
 * features of its own clients with the one pipeline, on the feature schema of every shard
 * together (the union of the levels each one saw, so a category is coded alike everywhere);
 * LightGBM's network then finds the bins together (each worker bins a slice of the features from
 * its sample, and the bin mappers are shared: every worker holds the same bins) and grows every
 * tree from the histograms of all workers' rows: every worker ends with the same model, which is
 * checked.
 *
 * <p>Cross-validation: each worker deals its own clients into the folds (stratified, seeded), so
 * fold k is the union of every worker's fold k. Early stopping uses the AUC of every worker's
 * validation rows together, combined by rank 0 each round through the {@link WorkerGroup}; each
 * fold's out-of-fold predictions are gathered to every worker, so the threshold of least business
 * cost, the metrics and the fairness figures are computed on all labelled clients, alike on every
 * worker. Only the caller at rank 0 writes the model.
 *
 * <p>The fixed configuration (docs/distributed.md): settings are not tuned (the tuner's dozens of
 * fits on subsamples would each need every worker), features are not pruned, one booster per fit,
 * no class-imbalance treatment: the LightGBM defaults with what the user sets by {@code --param}.
 */
public final class DistributedTrainer {
    /** LightGBM's distributed tree learners this trainer runs. */
    public static final List<String> TREE_LEARNERS = List.of("data", "voting");

    /**
     * Trains on this worker's shard with the other workers of {@code group}. Every worker returns
     * the same model and card; the caller at rank 0 writes them.
     *
     * @param timeoutMinutes LightGBM's socket time-out
     */
    public Trainer.TrainedModel train(HomeCreditData data, Trainer.DataOrigin origin, String name, TrainingConfig config,
                                      WorkerGroup group, String treeLearner, int timeoutMinutes, ProgressMonitor monitor) {
        requireFixedConfiguration(config, treeLearner);
        Table train = data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow(() -> new CreditDeskException(
                EngineMessage.TRAINING_NO_LABELS));
        int[] labelled = IntStream.range(0, train.rowCount())
                .filter(i -> train.intColumn("TARGET").getInt(i) != Integer.MIN_VALUE).toArray();
        Table applications = train.rows(labelled);
        int[] localTarget = applications.intColumn("TARGET").asIntArray();

        monitor.phase("the feature schema of every shard");
        FeatureSchema schema = union(group.allGather(json(FeatureSchema.fit(data))));
        Shards shards = Shards.of(group, origin, localTarget, applications);
        int[] target = shards.target();
        long defaults = IntStream.of(target).filter(t -> t == 1).count();
        if (defaults < config.folds() || target.length - defaults < config.folds()) {
            throw new CreditDeskException(EngineMessage.TRAINING_TOO_FEW_CLASSES, config.folds(), defaults, target.length - defaults);
        }
        Map<String, String> settings = new LinkedHashMap<>(config.settings());
        settings.put("tree_learner", treeLearner);
        settings.put("num_machines", Integer.toString(group.size()));
        // Each worker's rows are its own: LightGBM partitions nothing further.
        settings.put("pre_partition", "true");

        String what = "features of " + localTarget.length + " applicants (worker " + group.rank() + " of " + group.size() + ")";
        monitor.phase(what);
        try (TrainingSet set = TrainingSet.compute(new FeaturePipeline(schema), applications, new ClientHistory(data), localTarget,
                settings, config.seed(), Trainer.preparing(monitor, what))) {
            requireSameFeatures(group, set.names());
            // Every worker starts LightGBM's network at once: a worker done with its features first would time out waiting.
            LightGbmNetwork.prepare();
            group.allGather(new byte[0]);
            try (LightGbmNetwork network = LightGbmNetwork.start(group.machines().forLightGbm(),
                    group.machines().get(group.rank()).port(), timeoutMinutes, group.size())) {
                Trainer.TrainedModel trained = train(set, schema, shards, origin, name, config, settings, group, treeLearner,
                        defaults, monitor);
                group.finish();
                return trained;
            }
        }
    }

    private static void requireFixedConfiguration(TrainingConfig config, String treeLearner) {
        if (!TREE_LEARNERS.contains(treeLearner)) {
            throw new IllegalArgumentException("the tree learner must be data or voting, not " + treeLearner);
        }
        if (config.tuning().enabled() || config.prune() || config.bags() != 1 || config.imbalance() != TrainingConfig.Imbalance.NONE) {
            throw new IllegalArgumentException("distributed training runs untuned, unpruned, one booster, no imbalance treatment: " + config);
        }
    }

    private Trainer.TrainedModel train(TrainingSet set, FeatureSchema schema, Shards shards, Trainer.DataOrigin origin, String name,
                                       TrainingConfig config, Map<String, String> settings, WorkerGroup group, String treeLearner,
                                       long defaults, ProgressMonitor monitor) {
        int[] target = shards.target();
        List<String> features = set.names();
        int[] categorical = TrainingSet.categorical(features);
        int threads = Integer.parseInt(settings.getOrDefault("num_threads", "2"));
        int[] localTarget = set.target();
        CrossValidation.Plan plan = CrossValidation.Plan.all(localTarget, config);
        int steps = config.folds() + 1;

        double[] oof = new double[target.length];
        Arrays.fill(oof, Double.NaN);
        List<Integer> best = new ArrayList<>();
        Map<String, Double> gain = new HashMap<>();
        features.forEach(f -> gain.put(f, 0.0));
        List<double[]> foldPredictions = new ArrayList<>();
        int[][] foldRows = new int[config.folds()][];
        for (int k = 0; k < config.folds(); k++) {
            final int current = k;
            int[] trainRows = IntStream.range(0, localTarget.length).filter(i -> plan.fold()[i] != current).toArray();
            int[] validRows = IntStream.range(0, localTarget.length).filter(i -> plan.fold()[i] == current).toArray();
            String fit = "none, fold %d/%d on %d workers".formatted(k + 1, config.folds(), group.size());
            monitor.phase(fit);
            monitor.progress(k, steps, fit);
            int[] everyValidLabel = concat(group.allGather(ints(IntStream.of(validRows).map(i -> localTarget[i]).toArray())));
            ToDoubleFunction<double[]> auc = probabilities -> ByteBuffer.wrap(group.exchange(doubles(probabilities), parts -> {
                double[] all = concatDoubles(parts);
                return ByteBuffer.allocate(8).putDouble(Statistics.auc(all, everyValidLabel)).array();
            })).getDouble();
            double[] probability;
            try (LightGbmDataset trainSet = set.subset(features, trainRows);
                 LightGbmDataset validSet = set.subset(features, validRows);
                 LightGbmBooster model = LightGbmBooster.train(trainSet, validSet,
                         CrossValidation.parameters(settings, config.seed(), TrainingConfig.Imbalance.NONE, localTarget, trainRows, current),
                         categorical, config.maxRounds(), config.earlyStopping(), auc, monitor.part(k, k, steps, fit))) {
                CrossValidation.requireReadable(model.modelText(), "fold " + (k + 1));
                double[] raw = set.rawScores(model, features, validRows, threads);
                probability = Arrays.stream(raw).map(r -> 1 / (1 + Math.exp(-r))).toArray();
                best.add(model.bestIteration());
                double[] importance = model.gainImportance();
                for (int f = 0; f < features.size(); f++) {
                    gain.merge(features.get(f), importance[f], Double::sum);
                }
            }
            // The fold's out-of-fold predictions of every worker, placed at their clients' global rows.
            List<byte[]> gathered = group.allGather(rowsAndValues(shards.globalRows(group.rank(), validRows), probability));
            List<Integer> rows = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (byte[] part : gathered) {
                ByteBuffer buffer = ByteBuffer.wrap(part);
                int n = buffer.getInt();
                for (int i = 0; i < n; i++) {
                    int row = buffer.getInt();
                    double p = buffer.getDouble();
                    oof[row] = p;
                    rows.add(row);
                    values.add(p);
                }
            }
            foldRows[k] = rows.stream().mapToInt(Integer::intValue).toArray();
            foldPredictions.add(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        CrossValidation.Result cv = new CrossValidation.Result(oof, best, gain, foldPredictions, foldRows);

        BusinessCost.Choice choice = config.cost().choose(cv.oof(), target);
        Metrics overall = Metrics.of(cv.oof(), target, choice.threshold(), config.beta());
        List<Metrics> perFold = new ArrayList<>();
        for (int k = 0; k < foldRows.length; k++) {
            int[] rows = foldRows[k];
            perFold.add(Metrics.of(foldPredictions.get(k), IntStream.of(rows).map(r -> target[r]).toArray(), choice.threshold(), config.beta()));
        }
        int rounds = Math.max(1, (int) Math.round(cv.meanBestIteration()));
        String fit = "final model on all " + target.length + " applicants of " + group.size() + " workers, " + rounds + " rounds";
        monitor.phase(fit);
        monitor.progress(steps - 1, steps, fit);
        int[] all = IntStream.range(0, localTarget.length).toArray();
        Map<String, String> finalParameters = CrossValidation.parameters(settings, config.seed(), TrainingConfig.Imbalance.NONE, localTarget, all, 0);
        String modelText;
        double[] gains;
        Map<String, Double> importance;
        try (LightGbmBooster model = LightGbmBooster.train(set.all(features), null, finalParameters, categorical, rounds, rounds,
                monitor.part(steps - 1, steps - 1, steps, fit))) {
            modelText = model.modelText();
            requireSameModel(group, modelText);
            gains = model.gainImportance();
            importance = globalImportance(group, Trainer.meanAbsoluteContributions(model, TreeEnsemble.parse(modelText), set, features),
                    features, localTarget.length, target.length);
        }
        List<ModelCard.Feature> cardFeatures = Trainer.cardFeatures(features, gains);
        Map<String, String> hyper = new LinkedHashMap<>(finalParameters);
        hyper.remove("num_machines");
        hyper.put("boosters-averaged", "1");
        hyper.put("max-rounds", Integer.toString(config.maxRounds()));
        hyper.put("early-stopping-rounds", Integer.toString(config.earlyStopping()));
        ModelCard.ImbalanceCandidate none = new ModelCard.ImbalanceCandidate("none", overall.rocAuc(), choice.costPerClient(),
                overall.brier(), choice.threshold());
        ModelCard card = new ModelCard(ModelCard.SCHEMA_VERSION,
                new ModelDetails(name, Instant.now().toString(),
                        new ModelCard.ModelFile(ModelArtifact.MODEL_FILE, ModelArtifact.sha256(modelText)),
                        cardFeatures, schema, hyper, rounds, importance, ModelArtifact.environment()),
                new TrainingDetails(
                        new ModelCard.TrainingData(origin.dataset(), origin.synthetic(), origin.sources(), target.length,
                                defaults / (double) target.length),
                        new ModelCard.ImbalanceChoice("none", "set by the configuration (distributed training)", List.of(none)), null,
                        new ModelCard.CrossValidationSummary(config.folds(), config.seed(), best, perFold, features.size()),
                        new ModelCard.DistributedTraining(group.size(), treeLearner, shards.cards())),
                new Evaluation(overall, choice.threshold(), config.cost(), choice.curve(),
                        Fairness.of(cv.oof(), target, choice.threshold(), shards.gender(), shards.daysBirth())),
                ModelArtifact.defaultUsage(origin.synthetic()));
        monitor.progress(steps, steps, fit);
        return new Trainer.TrainedModel(card, modelText, cv.oof(), target);
    }

    /** Every worker ends with the same model: the SHA-256 of each worker's model text must be rank 0's. */
    private static void requireSameModel(WorkerGroup group, String modelText) {
        List<byte[]> hashes = group.allGather(ModelArtifact.sha256(modelText).getBytes(StandardCharsets.UTF_8));
        String first = new String(hashes.get(0), StandardCharsets.UTF_8);
        for (int r = 1; r < hashes.size(); r++) {
            String other = new String(hashes.get(r), StandardCharsets.UTF_8);
            if (!other.equals(first)) {
                throw new CreditDeskException(EngineMessage.CLUSTER_MODELS_DIFFER, r, other, first);
            }
        }
    }

    private static void requireSameFeatures(WorkerGroup group, List<String> names) {
        List<byte[]> lists = group.allGather(String.join("\n", names).getBytes(StandardCharsets.UTF_8));
        String first = new String(lists.get(0), StandardCharsets.UTF_8);
        for (int r = 1; r < lists.size(); r++) {
            String other = new String(lists.get(r), StandardCharsets.UTF_8);
            if (!other.equals(first)) {
                throw new CreditDeskException(EngineMessage.CLUSTER_FEATURES_DIFFER, r, other.split("\n").length, first.split("\n").length);
            }
        }
    }

    /** The mean absolute contribution over every worker's rows, from each worker's mean over its own. */
    private static Map<String, Double> globalImportance(WorkerGroup group, Map<String, Double> local, List<String> features,
                                                        int localRows, int rows) {
        double[] sums = features.stream().mapToDouble(f -> local.get(f) * localRows).toArray();
        double[] total = new double[features.size()];
        for (byte[] part : group.allGather(doubles(sums))) {
            double[] theirs = fromDoubles(part);
            for (int f = 0; f < total.length; f++) {
                total[f] += theirs[f];
            }
        }
        Map<String, Double> importance = new LinkedHashMap<>();
        IntStream.range(0, features.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer f) -> -total[f]))
                .forEach(f -> importance.put(features.get(f), total[f] / rows));
        return importance;
    }

    /** The schema of every shard together: each text column's levels, the union of what each worker saw, sorted. */
    static FeatureSchema union(List<byte[]> schemas) {
        Map<String, TreeSet<String>> levels = new TreeMap<>();
        for (byte[] json : schemas) {
            FeatureSchema schema;
            try {
                schema = ModelArtifact.JSON.readValue(json, FeatureSchema.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("a worker's feature schema does not read back", e);
            }
            schema.levels().forEach((column, values) -> levels.computeIfAbsent(column, c -> new TreeSet<>()).addAll(values));
        }
        Map<String, List<String>> merged = new TreeMap<>();
        levels.forEach((column, values) -> merged.put(column, List.copyOf(values)));
        return new FeatureSchema(merged);
    }

    private static byte[] json(FeatureSchema schema) {
        try {
            return ModelArtifact.JSON.writeValueAsBytes(schema);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a feature schema always writes as JSON", e);
        }
    }

    /**
     * What every worker knows of every shard: its labelled applicants' labels, gender and age (the
     * fairness figures are computed on all of them), where its rows start among all, and its card
     * entry (dataset, rows, sources and their hash).
     */
    private record Shards(int[] target, String[] gender, double[] daysBirth, int[] offsets, List<ModelCard.Shard> cards) {
        static Shards of(WorkerGroup group, Trainer.DataOrigin origin, int[] target, Table applications) {
            var days = applications.numberColumn("DAYS_BIRTH");
            String[] gender = applications.stringColumn("CODE_GENDER").asObjectArray();
            ByteBuffer summary;
            byte[] dataset = origin.dataset().getBytes(StandardCharsets.UTF_8);
            byte[] sources;
            try {
                sources = ModelArtifact.JSON.writeValueAsBytes(origin.sources());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("sources always write as JSON", e);
            }
            byte[][] genders = new byte[gender.length][];
            int genderBytes = 0;
            for (int i = 0; i < gender.length; i++) {
                genders[i] = (gender[i] == null ? "" : gender[i]).getBytes(StandardCharsets.UTF_8);
                genderBytes += 4 + genders[i].length;
            }
            summary = ByteBuffer.allocate(4 + dataset.length + 4 + sources.length + 4 + target.length * (4 + 8) + genderBytes);
            summary.putInt(dataset.length).put(dataset).putInt(sources.length).put(sources).putInt(target.length);
            for (int i = 0; i < target.length; i++) {
                summary.putInt(target[i]).putDouble(days.isMissing(i) ? Double.NaN : days.getDouble(i));
            }
            for (byte[] g : genders) {
                summary.putInt(g.length).put(g);
            }
            List<byte[]> parts = group.allGather(summary.array());
            List<int[]> targets = new ArrayList<>();
            List<double[]> ages = new ArrayList<>();
            List<String> genderAll = new ArrayList<>();
            List<ModelCard.Shard> cards = new ArrayList<>();
            int[] offsets = new int[parts.size()];
            int at = 0;
            for (int r = 0; r < parts.size(); r++) {
                ByteBuffer buffer = ByteBuffer.wrap(parts.get(r));
                String theirDataset = string(buffer);
                byte[] theirSources = new byte[buffer.getInt()];
                buffer.get(theirSources);
                List<ModelCard.Source> sourceList;
                try {
                    sourceList = List.of(ModelArtifact.JSON.readValue(theirSources, ModelCard.Source[].class));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("a worker's sources do not read back", e);
                }
                int n = buffer.getInt();
                int[] t = new int[n];
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    t[i] = buffer.getInt();
                    d[i] = buffer.getDouble();
                }
                for (int i = 0; i < n; i++) {
                    genderAll.add(string(buffer));
                }
                targets.add(t);
                ages.add(d);
                offsets[r] = at;
                at += n;
                cards.add(new ModelCard.Shard(r, theirDataset, n, hash(sourceList), sourceList));
            }
            int[] allTarget = new int[at];
            double[] allDays = new double[at];
            for (int r = 0; r < parts.size(); r++) {
                System.arraycopy(targets.get(r), 0, allTarget, offsets[r], targets.get(r).length);
                System.arraycopy(ages.get(r), 0, allDays, offsets[r], ages.get(r).length);
            }
            return new Shards(allTarget, genderAll.toArray(String[]::new), allDays, offsets, cards);
        }

        int[] globalRows(int rank, int[] localRows) {
            return IntStream.of(localRows).map(i -> offsets[rank] + i).toArray();
        }

        private static String string(ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.getInt()];
            buffer.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The SHA-256 of "file sha256" lines, one per source in order: what names a shard's data. */
        private static String hash(List<ModelCard.Source> sources) {
            StringBuilder lines = new StringBuilder();
            sources.forEach(s -> lines.append(s.file()).append(' ').append(s.sha256()).append('\n'));
            return ModelArtifact.sha256(lines.toString());
        }
    }

    private static byte[] rowsAndValues(int[] rows, double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + rows.length * 12).putInt(rows.length);
        for (int i = 0; i < rows.length; i++) {
            buffer.putInt(rows[i]).putDouble(values[i]);
        }
        return buffer.array();
    }

    private static byte[] ints(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    private static int[] concat(List<byte[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length / 4).sum();
        int[] all = new int[n];
        int at = 0;
        for (byte[] part : parts) {
            ByteBuffer.wrap(part).asIntBuffer().get(all, at, part.length / 4);
            at += part.length / 4;
        }
        return all;
    }

    private static byte[] doubles(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    private static double[] fromDoubles(byte[] bytes) {
        double[] values = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }

    private static double[] concatDoubles(List<byte[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length / 8).sum();
        double[] all = new double[n];
        int at = 0;
        for (byte[] part : parts) {
            ByteBuffer.wrap(part).asDoubleBuffer().get(all, at, part.length / 8);
            at += part.length / 8;
        }
        return all;
    }
}
