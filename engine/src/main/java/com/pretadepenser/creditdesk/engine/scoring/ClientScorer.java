package com.pretadepenser.creditdesk.engine.scoring;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.data.CompactTable;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.features.ApplicationRows;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Scores and explains one client at a time: a client of the dataset by id, or an application
 * given field by field (a new one, or a client's edited for a what-if). Every path goes through
 * the model's one feature pipeline. Thread-safe once built.
 */
public final class ClientScorer {
    private final ScoringModel model;
    private final ClientHistory history;
    /** The application tables (train, test) in their stored widths: a local dataset's are mapped, never decoded. */
    private final List<CompactTable> applications = new ArrayList<>();
    /** Client id to (table index << 32 | row). */
    private final Int2LongOpenHashMap where = new Int2LongOpenHashMap();

    public ClientScorer(ScoringModel model, HomeCreditData data) {
        this.model = model;
        this.history = new ClientHistory(data);
        model.requireHistoryFor(history);
        where.defaultReturnValue(-1);
        for (HomeCreditTable table : List.of(HomeCreditTable.APPLICATION_TRAIN, HomeCreditTable.APPLICATION_TEST)) {
            data.compact(table).ifPresent(frame -> {
                int index = applications.size();
                applications.add(frame);
                int[] ids = frame.ints("SK_ID_CURR");
                for (int row = 0; row < ids.length; row++) {
                    where.put(ids[row], ((long) index << 32) | row);
                }
            });
        }
    }

    public ScoringModel model() {
        return model;
    }

    public ClientHistory history() {
        return history;
    }

    public boolean knows(int clientId) {
        return where.containsKey(clientId);
    }

    /** Every client id of the dataset, train then test. */
    public int[] clientIds() {
        return applications.stream().flatMapToInt(t -> java.util.Arrays.stream(t.ints("SK_ID_CURR"))).toArray();
    }

    /** The client's application. */
    public Application application(int clientId) {
        long at = where.get(clientId);
        if (at < 0) {
            throw new UnknownClientException(clientId);
        }
        return Application.of(applications.get((int) (at >>> 32)), (int) at);
    }

    /** The known outcome of a labelled client (1 defaulted, 0 repaid), empty for test clients. */
    public Optional<Integer> outcome(int clientId) {
        long at = where.get(clientId);
        if (at < 0) {
            throw new UnknownClientException(clientId);
        }
        OptionalInt outcome = Application.outcome(applications.get((int) (at >>> 32)), (int) at);
        return outcome.isPresent() ? Optional.of(outcome.getAsInt()) : Optional.empty();
    }

    /** Scores a client of the dataset: probability and contributions; an unknown id is refused. */
    public ScoredClient score(int clientId) {
        long at = where.get(clientId);
        if (at < 0) {
            throw new UnknownClientException(clientId);
        }
        return score(ApplicationRows.of(applications.get((int) (at >>> 32)), (int) at, (int) at + 1));
    }

    /**
     * Scores an application (a client's, edited or not, or a new one): its probability and each
     * feature's contribution (TreeSHAP); {@link com.pretadepenser.creditdesk.engine.explain.Explainer}
     * puts them in words. Its history is the dataset's for its SK_ID_CURR, none for an id the dataset
     * does not know.
     */
    public ScoredClient score(Application application) {
        return score(application.rows());
    }

    /**
     * The probability alone (no contributions) of an application, through the same feature path:
     * what a search that scores many candidates asks for.
     */
    public double probability(Application application) {
        return model.probabilities(model.pipeline().compute(application.rows(), history))[0];
    }

    /** The probabilities of several applications at once (one feature computation, one walk of the trees), in list order. */
    public double[] probabilities(List<Application> applications) {
        return model.probabilities(model.pipeline().compute(Application.rows(applications), history));
    }

    private ScoredClient score(ApplicationRows application) {
        FeatureMatrix features = model.pipeline().compute(application, history);
        double[] contributions = model.contributions(features);
        List<String> names = model.card().featureNames();
        double raw = 0;
        List<Contribution> parts = new ArrayList<>(names.size());
        for (int f = 0; f < names.size(); f++) {
            raw += contributions[f];
            parts.add(new Contribution(names.get(f), features.value(0, names.get(f)), contributions[f]));
        }
        double bias = contributions[names.size()];
        raw += bias;
        parts.sort(Comparator.comparingDouble((Contribution c) -> Math.abs(c.contribution())).reversed());
        double probability = 1 / (1 + Math.exp(-raw));
        return new ScoredClient(Score.of(features.clientId(0), probability, model.threshold()), bias, raw, List.copyOf(parts), features);
    }

    /** A client with their score and every feature's contribution, largest first. */
    public record ScoredClient(Score score, double bias, double rawScore, List<Contribution> contributions, FeatureMatrix features) {
    }

    /** An id the dataset does not hold. */
    public static final class UnknownClientException extends CreditDeskException {
        private static final long serialVersionUID = 1L;

        public UnknownClientException(int clientId) {
            super(EngineMessage.UNKNOWN_CLIENT, clientId);
        }
    }
}
