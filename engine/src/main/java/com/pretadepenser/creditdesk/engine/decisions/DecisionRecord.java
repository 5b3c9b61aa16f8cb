package com.pretadepenser.creditdesk.engine.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.scoring.Decision;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One decision as recorded: who decided, where and when, on what data and model, what the model
 * said, what the officer decided and why.
 *
 * @param time             UTC, ISO-8601 ({@code 2026-12-02T09:41:07.123Z})
 * @param clientId         the client's SK_ID_CURR; null for a new application
 * @param application      a new application's inputs (column -> value as typed); empty for a client
 * @param datasetHash      the SHA-256 of the dataset's manifest
 * @param modelSha256      the SHA-256 of the model file
 * @param overrideReason   the officer's written reason when the final decision is not the model's; else null
 * @param reasons          the principal reasons shown to the officer, in their order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRecord(
        @JsonProperty("time") String time,
        @JsonProperty("os-user") String osUser,
        @JsonProperty("machine") String machine,
        @JsonProperty("client-id") Integer clientId,
        @JsonProperty("application") Map<String, String> application,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("dataset-hash") String datasetHash,
        @JsonProperty("model") String model,
        @JsonProperty("model-sha256") String modelSha256,
        @JsonProperty("probability") double probability,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("model-decision") Decision modelDecision,
        @JsonProperty("final-decision") Decision finalDecision,
        @JsonProperty("override-reason") String overrideReason,
        @JsonProperty("reasons") List<String> reasons,
        @JsonProperty("app-version") String appVersion) {

    /** The shortest override reason accepted, in characters (blanks at either end not counted). */
    public static final int MIN_REASON_LENGTH = 20;

    public DecisionRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(modelDecision, "model-decision");
        Objects.requireNonNull(finalDecision, "final-decision");
        application = application == null ? Map.of() : Map.copyOf(application);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (clientId == null && application.isEmpty()) {
            throw new IllegalArgumentException("a decision is about a client (its id) or a new application (its inputs)");
        }
        if (finalDecision != modelDecision) {
            if (overrideReason == null || overrideReason.strip().length() < MIN_REASON_LENGTH) {
                throw new IllegalArgumentException("overriding the model's decision needs a written reason of at least "
                        + MIN_REASON_LENGTH + " characters");
            }
            overrideReason = overrideReason.strip();
        } else if (overrideReason != null && overrideReason.isBlank()) {
            overrideReason = null;
        }
    }

    /** True when the officer decided otherwise than the model. */
    public boolean overridden() {
        return finalDecision != modelDecision;
    }

    /** The OS user and machine this process runs as, for a new record. */
    public static String currentUser() {
        return System.getProperty("user.name", "unknown");
    }

    /** This machine's name: the environment's (HOSTNAME, COMPUTERNAME), else the network's, else "unknown". */
    public static String currentMachine() {
        for (String variable : List.of("COMPUTERNAME", "HOSTNAME")) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
