package com.pretadepenser.creditdesk.app.client;

import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.features.HistorySummary;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer.ScoredClient;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * A client on screen: their application row, score with contributions, explanation in the
 * current language, known outcome (labelled clients only) and history in counts.
 *
 * @param application the one-row application as scored (a what-if edit gives a new one)
 */
public record LoadedClient(int id, Table application, ScoredClient scored, Explanation explanation,
                           Optional<Integer> outcome, HistorySummary history) {
    public LoadedClient {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(scored, "scored");
        Objects.requireNonNull(explanation, "explanation");
        if (application.rowCount() != 1) {
            throw new IllegalArgumentException("a client has one application row, got " + application.rowCount());
        }
    }

    public double probability() {
        return scored.score().probability();
    }
}
