package com.pretadepenser.creditdesk.engine.model;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.EngineText;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.pretadepenser.creditdesk.engine.trees.ContributionReference;
import com.pretadepenser.creditdesk.engine.trees.LightGbmAgreement;
import com.pretadepenser.creditdesk.engine.trees.TreeEnsemble;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * A model ready to score: its card, its trees (read by {@link TreeEnsemble}, which scores and
 * explains) and the feature pipeline it was trained with. LightGBM's own booster is loaded only
 * when something asks for LightGBM's values: the check of the Java TreeSHAP when no
 * {@link ContributionReference} was kept with the model, or the reference methods for checks and
 * benchmarks. Close it to free the native model if one was loaded (twice is harmless).
 */
public final class ScoringModel implements AutoCloseable {
    private final ModelCard card;
    private final String modelText;
    private final TreeEnsemble trees;
    private final ContributionReference reference;
    /** The folder the model was loaded from, named if LightGBM refuses its text later; null for a model just trained. */
    private final Path folder;
    private final FeaturePipeline pipeline;
    private LightGbmBooster booster;
    private boolean closed;
    private Boolean javaAgrees;

    private ScoringModel(ModelCard card, String modelText, TreeEnsemble trees, ContributionReference reference, Path folder) {
        this.card = card;
        this.modelText = modelText;
        this.trees = trees;
        this.reference = reference;
        this.folder = folder;
        this.pipeline = new FeaturePipeline(card.details().featureSchema());
    }

    /**
     * Loads a model folder; refuses one whose model text differs from its card or whose trees cannot
     * be read. LightGBM's contributions kept in the folder, if any, are used only when made for
     * this very model text.
     */
    public static ScoringModel load(Path folder) {
        ModelArtifact.Contents contents = ModelArtifact.read(folder);
        try {
            ContributionReference reference = contents.reference()
                    .filter(r -> r.madeFor(contents.card().details().modelFile().sha256()))
                    .orElse(null);
            return of(contents.card(), contents.modelText(), reference, folder);
        } catch (CreditDeskException e) {
            throw new CreditDeskException(e, EngineMessage.MODEL_FOLDER_DAMAGED, folder, e);
        }
    }

    /**
     * A model just trained, not yet written: the same checks as {@link #load(Path)} but the hash,
     * and LightGBM itself checks the Java TreeSHAP.
     */
    public static ScoringModel of(ModelCard card, String modelText) {
        return of(card, modelText, null, null);
    }

    private static ScoringModel of(ModelCard card, String modelText, ContributionReference reference, Path folder) {
        // The Java reader checks what LightGBM's native reader takes on trust (a damaged text can
        // stop the whole process there, not only fail), so LightGBM is never given a text it refused.
        TreeEnsemble trees;
        try {
            trees = TreeEnsemble.parse(modelText);
        } catch (RuntimeException e) {
            throw new CreditDeskException(e, EngineMessage.MODEL_TREES_UNREADABLE, EngineText.messageOf(e));
        }
        if (trees.featureCount() != card.details().features().size()) {
            throw new CreditDeskException(EngineMessage.MODEL_FEATURE_COUNT, trees.featureCount(), card.details().features().size());
        }
        return new ScoringModel(card, modelText, trees, reference, folder);
    }

    /** LightGBM's booster for this model, loaded on first use. */
    private synchronized LightGbmBooster booster() {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
        if (booster == null) {
            try {
                LightGbmBooster loaded = LightGbmBooster.fromText(modelText);
                if (loaded.featureCount() != trees.featureCount()) {
                    loaded.close();
                    throw new CreditDeskException(EngineMessage.MODEL_FEATURE_COUNT, loaded.featureCount(), card.details().features().size());
                }
                booster = loaded;
            } catch (CreditDeskException e) {
                throw folder == null ? e : new CreditDeskException(e, EngineMessage.MODEL_FOLDER_DAMAGED, folder, e);
            }
        }
        return booster;
    }

    /** Whether LightGBM's booster has been loaded (for tests and the start-up trace). */
    public synchronized boolean lightGbmLoaded() {
        return booster != null;
    }

    public ModelCard card() {
        return card;
    }

    public FeaturePipeline pipeline() {
        return pipeline;
    }

    public double threshold() {
        return card.evaluation().threshold();
    }

    /**
     * Refuses data that lacks tables the model's features come from, naming them, before any
     * client is scored with features silently missing.
     */
    public void requireHistoryFor(ClientHistory history) {
        Set<String> missing = new TreeSet<>();
        Set<String> examples = new LinkedHashSet<>();
        for (String feature : card.featureNames()) {
            HomeCreditTable source = FeaturePipeline.sourceTable(feature);
            if (source != null && !history.has(source)) {
                missing.add(source.fileName());
                if (examples.size() < 3) {
                    examples.add(feature);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new CreditDeskException(EngineMessage.MODEL_NEEDS_TABLES, String.join(", ", missing), String.join(", ", examples));
        }
    }

    /** Probabilities of default for the given applications, in row order. */
    public double[] probabilities(Table applications, ClientHistory history) {
        return probabilities(pipeline.compute(applications, history));
    }

    /** Probabilities for rows of an already computed feature matrix. */
    public double[] probabilities(FeatureMatrix features) {
        double[] raw = rawScores(features);
        double[] p = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            p[i] = 1 / (1 + Math.exp(-raw[i]));
        }
        return p;
    }

    /**
     * TreeSHAP contributions for rows of a feature matrix: per row, one log-odds value per model
     * feature (card order) then the bias; each row sums to its raw score. They are LightGBM's own
     * values ({@code C_API_PREDICT_CONTRIB}), computed from the model's trees in Java
     * ({@link TreeEnsemble#contributions}, several times faster, docs/benchmarks.md) once
     * {@link #explainsInJava()} has checked the two agree on this model; where they would not,
     * LightGBM computes them. The first call makes that check (0.1-0.3 s); an application that
     * opens a model for a person can make it while other things load, by calling
     * {@link #explainsInJava()}. Every call of a model goes the same way, so a client explained
     * twice gets the same numbers.
     */
    public double[] contributions(FeatureMatrix features) {
        requireFeatures(features);
        if (!explainsInJava()) {
            return lightGbmContributions(features);
        }
        return trees.contributions(columns(features), features.rows());
    }

    /**
     * Whether contributions come from the Java tree walk: true once it has given LightGBM's own
     * values on rows that travel both ways through every split of this model. Checks once, on
     * first call: against the contributions LightGBM computed when the model was written, kept
     * beside it ({@link LightGbmAgreement#agreesWith}, about 0.1 s); without them, or when the Java
     * walk does not give them, against LightGBM itself ({@link LightGbmAgreement#contributionsAgree},
     * about 0.3 s, the booster loaded).
     */
    public synchronized boolean explainsInJava() {
        if (javaAgrees == null) {
            javaAgrees = reference != null && LightGbmAgreement.agreesWith(trees, reference)
                    || LightGbmAgreement.contributionsAgree(trees, booster());
        }
        return javaAgrees;
    }

    /** LightGBM's own TreeSHAP contributions through its C API: the reference, for checks and benchmarks. */
    public double[] lightGbmContributions(FeatureMatrix features) {
        requireFeatures(features);
        return booster().contributions(features.rowMajor(card.featureNames()), features.rows(), features.rows() == 1 ? 1 : 2);
    }

    /**
     * Raw scores (log-odds) for rows of a feature matrix: the model's trees walked over the
     * feature columns ({@link TreeEnsemble}), equal to LightGBM's own prediction and several times
     * faster on batches, since no row-major copy is made.
     */
    public double[] rawScores(FeatureMatrix features) {
        requireFeatures(features);
        return trees.rawScores(columns(features), features.rows());
    }

    private double[][] columns(FeatureMatrix features) {
        List<String> names = card.featureNames();
        double[][] columns = new double[names.size()][];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = features.column(names.get(f));
        }
        return columns;
    }

    /** LightGBM's own raw scores through its C API, for checking {@link #rawScores} and for benchmarks. */
    public double[] lightGbmRawScores(FeatureMatrix features) {
        requireFeatures(features);
        return booster().rawScores(features.rowMajor(card.featureNames()), features.rows(), features.rows() == 1 ? 1 : 2);
    }

    private void requireFeatures(FeatureMatrix features) {
        for (String name : card.featureNames()) {
            if (!features.has(name)) {
                throw new CreditDeskException(EngineMessage.MODEL_FEATURE_MISSING, name, describeSource(name));
            }
        }
    }

    /** Granted below the threshold, refused at or above it. */
    public boolean refused(double probability) {
        return probability >= card.evaluation().threshold();
    }

    private static String describeSource(String feature) {
        HomeCreditTable source = FeaturePipeline.sourceTable(feature);
        return source == null ? "an application column" : "from " + source.fileName();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (booster != null) {
            booster.close();
        }
    }
}
