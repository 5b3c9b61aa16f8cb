package com.pretadepenser.creditdesk.app.client;

import com.pretadepenser.creditdesk.engine.explain.Explanation;
import com.pretadepenser.creditdesk.engine.features.HistorySummary;
import com.pretadepenser.creditdesk.engine.scoring.Application;
import com.pretadepenser.creditdesk.engine.scoring.ClientScorer.ScoredClient;
import java.util.Objects;
import java.util.Optional;

/**
 * A client on screen: their application row, score with contributions, explanation in the
 * current language, known outcome (labelled clients only) and history in counts.
 *
 * @param application the application as scored (a what-if edit gives a new one)
 */
public record LoadedClient(int id, Application application, ScoredClient scored, Explanation explanation,
                           Optional<Integer> outcome, HistorySummary history) {
    public LoadedClient {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(scored, "scored");
        Objects.requireNonNull(explanation, "explanation");
    }

    public double probability() {
        return scored.score().probability();
    }
}
