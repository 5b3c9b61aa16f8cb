package com.pretadepenser.creditdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.scoring.Score;

/** {@code GET /clients/{id}/score}: the probability of default, the decision at the threshold, the margin and the band. */
record ScoreReply(
        @JsonProperty("client-id") int clientId,
        @JsonProperty("probability") double probability,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("decision") String decision,
        @JsonProperty("margin") double margin,
        @JsonProperty("band") String band) {

    static ScoreReply of(Score score) {
        return new ScoreReply(score.clientId(), score.probability(), score.threshold(), score.decision().name(), score.margin(),
                score.band().name());
    }
}
