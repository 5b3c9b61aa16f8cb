package com.pretadepenser.creditdesk.app.workspace;

import com.pretadepenser.creditdesk.app.common.BackgroundTask;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.explain.Explainer;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.peers.PeerIndexCache;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.CounterfactualSearch;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * An opened dataset and model, with everything the screens compute from: the scorer, the
 * explainer, the counterfactual search, and the sorted client ids. The peer index, which scores
 * every client, is built separately ({@link #buildPeers}) so the first client shows before it.
 */
public final class Workspace implements AutoCloseable {
    private final Path dataFolder;
    private final Path modelFolder;
    private final boolean synthetic;
    private final HomeCreditData data;
    private final ScoringModel model;
    private final ClientScorer scorer;
    private final Explainer explainer;
    private final CounterfactualSearch counterfactuals;
    private final int[] sortedIds;
    private final String identity;
    private PeerIndex peers;

    private final String manifestHash;

    private Workspace(Path dataFolder, Path modelFolder, boolean synthetic, HomeCreditData data, ScoringModel model, String identity) {
        this.dataFolder = dataFolder;
        this.identity = identity;
        this.modelFolder = modelFolder;
        this.synthetic = synthetic;
        this.data = data;
        this.model = model;
        this.scorer = new ClientScorer(model, data);
        this.explainer = new Explainer(model.card().featureSchema());
        this.counterfactuals = new CounterfactualSearch(scorer);
        this.sortedIds = scorer.clientIds();
        Arrays.sort(this.sortedIds);
        // read here, on the opening's thread, not when the officer records a decision on the FX thread
        Path manifest = dataFolder.resolve(com.pretadepenser.creditdesk.engine.data.LocalDataset.MANIFEST);
        this.manifestHash = java.nio.file.Files.isRegularFile(manifest) ? com.pretadepenser.creditdesk.engine.data.FileHashes.sha256(manifest) : "none";
    }

    /** Opens a local dataset (made by {@code creditdesk import}) and a model folder, reporting each step. */
    public static Workspace open(Path dataFolder, Path modelFolder, BackgroundTask.Progress progress) {
        progress.update(0.05, "");
        // The model and the dataset load side by side: each takes about a second on the demo. The
        // model's thread also checks its Java TreeSHAP against LightGBM (0.3 s) before any client needs it.
        CompletableFuture<ScoringModel> loading = CompletableFuture.supplyAsync(() -> {
            ScoringModel model = ScoringModel.load(modelFolder);
            model.explainsInJava();
            return model;
        });
        HomeCreditData data;
        boolean synthetic;
        String identity;
        try {
            LocalDataset dataset = LocalDataset.open(dataFolder);
            dataset.requireHeapToOpen(Runtime.getRuntime().maxMemory());
            data = dataset.load();
            synthetic = dataset.isSynthetic();
            identity = dataset.identity();
        } catch (RuntimeException e) {
            loading.thenAccept(ScoringModel::close);
            throw e;
        }
        ScoringModel model = com.pretadepenser.creditdesk.app.common.Futures.join(loading);
        try {
            if (!data.has(HomeCreditTable.APPLICATION_TRAIN) && !data.has(HomeCreditTable.APPLICATION_TEST)) {
                throw new CreditDeskException(EngineMessage.DATASET_NO_APPLICATION_TABLE, dataFolder);
            }
            checkCancelled(progress);
            progress.update(0.8, "");
            Workspace workspace = new Workspace(dataFolder, modelFolder, synthetic, data, model, identity);
            progress.update(1, "");
            return workspace;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static void checkCancelled(BackgroundTask.Progress progress) {
        if (progress.isCancelled()) {
            throw new CancellationException("opening cancelled");
        }
    }

    /** Scores every client for the peer screens, once (a second or two on the demo data); later calls reuse it. */
    public PeerIndex peers() {
        return peers(BackgroundTask.Progress.NONE);
    }

    /**
     * The same, reporting the share of clients scored (about 10 s at Kaggle scale); read instead
     * from the user's cache when this dataset and model were indexed before (a fraction of a second).
     */
    public synchronized PeerIndex peers(BackgroundTask.Progress progress) {
        if (peers == null) {
            peers = PeerIndexCache.forUser().load(model, data, scorer.history(), identity, done -> progress.update(done, "")).index();
        }
        return peers;
    }

    /** The SHA-256 of the dataset's manifest (its sources' hashes and import time): what a decision record names. */
    public String manifestHash() {
        return manifestHash;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public Path modelFolder() {
        return modelFolder;
    }

    public boolean synthetic() {
        return synthetic;
    }

    public HomeCreditData data() {
        return data;
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

    /** Every client id, ascending. */
    public int[] sortedIds() {
        return sortedIds.clone();
    }

    public int clientCount() {
        return sortedIds.length;
    }

    /** The first client id, for a screen that should never start empty. */
    public int firstClient() {
        return sortedIds[0];
    }

    /** Up to {@code limit} client ids starting with the digits typed: shortest ids first, ascending within a length. */
    public java.util.List<Integer> idsStartingWith(String digits, int limit) {
        java.util.List<Integer> found = new java.util.ArrayList<>();
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            return found;
        }
        // ids with this prefix form one contiguous run per length (e.g. 1000, 10000-10009, 100000-100099 ...)
        long prefix = Long.parseLong(digits);
        for (int extra = 0; extra <= 9 - digits.length() && found.size() < limit; extra++) {
            long scale = (long) Math.pow(10, extra);
            long from = prefix * scale;
            long to = (prefix + 1) * scale;
            if (from > Integer.MAX_VALUE) {
                break;
            }
            int at = Arrays.binarySearch(sortedIds, (int) from);
            for (int i = at < 0 ? -at - 1 : at; i < sortedIds.length && sortedIds[i] < to && found.size() < limit; i++) {
                found.add(sortedIds[i]);
            }
        }
        return found;
    }

    @Override
    public void close() {
        model.close();
    }
}
