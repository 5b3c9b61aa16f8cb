package com.pretadepenser.creditdesk.app.workspace;

import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.LocalDataset;
import com.pretadepenser.creditdesk.engine.explain.Explainer;
import com.pretadepenser.creditdesk.engine.peers.PeerIndex;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer;
import com.pretadepenser.creditdesk.engine.scoring.CounterfactualSearch;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import com.pretadepenser.creditdesk.engine.session.Session;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An opened dataset and model (an engine {@link Session}: the scorer, the explainer, the
 * counterfactual search, the peer index), with what the screens need beside it: the sorted client
 * ids and the manifest's hash. The peer index, which scores every client, is built separately
 * ({@link #peers(ProgressMonitor)}) so the first client shows before it.
 */
public final class Workspace implements AutoCloseable {
    private final Path dataFolder;
    private final Path modelFolder;
    private final Session session;
    private final int[] sortedIds;
    private final String manifestHash;

    private Workspace(Path dataFolder, Path modelFolder, Session session) {
        this.dataFolder = dataFolder;
        this.modelFolder = modelFolder;
        this.session = session;
        this.sortedIds = session.scorer().clientIds();
        Arrays.sort(this.sortedIds);
        // read here, on the opening's thread, not when the officer records a decision on the FX thread
        Path manifest = dataFolder.resolve(com.pretadepenser.creditdesk.engine.data.LocalDataset.MANIFEST);
        this.manifestHash = java.nio.file.Files.isRegularFile(manifest) ? com.pretadepenser.creditdesk.engine.data.FileHashes.sha256(manifest) : "none";
    }

    /** Opens a local dataset (made by {@code creditdesk import}) and a model folder, reporting each step. */
    public static Workspace open(Path dataFolder, Path modelFolder, ProgressMonitor progress) {
        progress.progress(5, 100, "");
        if (!LocalDataset.isLocalDataset(dataFolder)) {
            LocalDataset.open(dataFolder); // the dashboard opens local datasets only: this names what is missing
        }
        Session session = Session.open(dataFolder, modelFolder);
        try {
            progress.checkCancelled("opening");
            progress.progress(80, 100, "");
            Workspace workspace = new Workspace(dataFolder, modelFolder, session);
            progress.progress(100, 100, "");
            return workspace;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Scores every client for the peer screens, once (a second or two on the demo data); later calls reuse it. */
    public PeerIndex peers() {
        return peers(ProgressMonitor.NONE);
    }

    /**
     * The same, reporting the share of clients scored (about 10 s at Kaggle scale; no message: the
     * task's title says it) and stopping when cancelled, in which case a later call builds it;
     * read instead from the user's cache when this dataset and model were indexed before (a
     * fraction of a second).
     */
    public PeerIndex peers(ProgressMonitor progress) {
        return session.peers(progress.withMessage(""));
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
        return session.synthetic();
    }

    public HomeCreditData data() {
        return session.data();
    }

    public ScoringModel model() {
        return session.model();
    }

    public ModelCard card() {
        return session.card();
    }

    public ClientScorer scorer() {
        return session.scorer();
    }

    public Explainer explainer() {
        return session.explainer();
    }

    public CounterfactualSearch counterfactuals() {
        return session.counterfactuals();
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
        session.close();
    }
}
