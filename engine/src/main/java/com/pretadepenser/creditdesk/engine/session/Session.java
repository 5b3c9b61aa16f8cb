package com.pretadepenser.creditdesk.engine.session;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.data.DatasetImporter;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.explain.Explainer;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.peers.PeerIndexCache;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.CounterfactualSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A dataset opened with a model, and what is computed from the two: the scorer, the explainer,
 * the counterfactual search and, built on first use (it scores every client) or read from the
 * user's cache, the peer index. Closing it closes the model.
 */
public final class Session implements AutoCloseable {
    private final Data data;
    private final ScoringModel model;
    private final ClientScorer scorer;
    private final Explainer explainer;
    private final CounterfactualSearch counterfactuals;
    private final PeerIndexCache peerCache;
    private PeerIndex peers;

    /**
     * The data a session scores: where it was read from, whether it is synthetic, and its identity
     * for the caches ({@link LocalDataset#identity()}; null for a folder of CSVs, which is not cached).
     */
    public record Data(Path folder, HomeCreditData data, boolean synthetic, String identity) {
        public Data {
            Objects.requireNonNull(data, "data");
        }

        /** A local dataset (made by {@code creditdesk import}), or a folder of Kaggle-layout CSVs read by {@code csvReader}. */
        public static Data read(Path folder, Function<HomeCreditFolder, HomeCreditData> csvReader) {
            if (LocalDataset.isLocalDataset(folder)) {
                LocalDataset dataset = LocalDataset.open(folder);
                dataset.requireHeapToOpen(Runtime.getRuntime().maxMemory());
                return new Data(folder, dataset.load(), dataset.isSynthetic(), dataset.identity());
            }
            HomeCreditData data = csvReader.apply(HomeCreditFolder.scan(folder));
            return new Data(folder, data, Files.isRegularFile(folder.resolve(DatasetImporter.SYNTHETIC_MARKER)), null);
        }
    }

    private Session(Data data, ScoringModel model, PeerIndexCache peerCache) {
        this.data = data;
        this.model = model;
        this.peerCache = peerCache;
        this.scorer = new ClientScorer(model, data.data());
        this.explainer = new Explainer(model.card().details().featureSchema());
        this.counterfactuals = new CounterfactualSearch(scorer);
    }

    /** Opens a dataset (a local dataset or a folder of CSVs, read without progress) with a model folder. */
    public static Session open(Path datasetDir, Path modelDir) {
        return open(datasetDir, modelDir, HomeCreditFolder::read);
    }

    /**
     * Opens a dataset with a model folder, the two side by side (each takes about a second on the
     * demo): the model's thread also checks its Java TreeSHAP (against LightGBM's contributions
     * kept with the model, else LightGBM itself: 0.1-0.3 s) before any client needs it. When both
     * fail, the model's error is the one thrown.
     *
     * @param csvReader reads a folder of CSVs (e.g. with a progress bar); a local dataset is loaded directly
     */
    public static Session open(Path datasetDir, Path modelDir, Function<HomeCreditFolder, HomeCreditData> csvReader) {
        CompletableFuture<ScoringModel> loading = CompletableFuture.supplyAsync(() -> {
            ScoringModel model = ScoringModel.load(modelDir);
            try {
                model.explainsInJava();
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
            return model;
        });
        Data data;
        try {
            data = Data.read(datasetDir, csvReader);
        } catch (RuntimeException | Error e) {
            ScoringModel model;
            try {
                model = join(loading);
            } catch (RuntimeException modelError) {
                modelError.addSuppressed(e);
                throw modelError;
            }
            model.close();
            throw e;
        }
        ScoringModel model = join(loading);
        try {
            if (!data.data().has(HomeCreditTable.APPLICATION_TRAIN) && !data.data().has(HomeCreditTable.APPLICATION_TEST)) {
                throw new CreditDeskException(EngineMessage.DATASET_NO_APPLICATION_TABLE, datasetDir);
            }
            return new Session(data, model, PeerIndexCache.forUser());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** A session over data already read and a model already loaded, which the session now owns (closes). */
    public static Session of(Data data, ScoringModel model, PeerIndexCache peerCache) {
        return new Session(data, model, peerCache);
    }

    private static ScoringModel join(CompletableFuture<ScoringModel> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The peer index: every client scored once, on first use, or read from the cache; later calls reuse it. */
    public PeerIndex peers() {
        return peers(ProgressMonitor.NONE);
    }

    /**
     * The same, telling {@code progress} how many clients are scored (about 10 s at Kaggle scale)
     * and stopping when it is cancelled (a later call builds it then); read instead from the user's
     * cache when this dataset and model were indexed before.
     */
    public synchronized PeerIndex peers(ProgressMonitor progress) {
        if (peers == null) {
            peers = peerCache.load(model, data.data(), scorer.history(), data.identity(), progress).index();
        }
        return peers;
    }

    public Data dataSource() {
        return data;
    }

    public HomeCreditData data() {
        return data.data();
    }

    public boolean synthetic() {
        return data.synthetic();
    }

    public ScoringModel model() {
        return model;
    }

    public ModelCard card() {
        return model.card();
    }

    public ClientScorer scorer() {
        return scorer;
    }

    public Explainer explainer() {
        return explainer;
    }

    public CounterfactualSearch counterfactuals() {
        return counterfactuals;
    }

    @Override
    public void close() {
        model.close();
    }
}
