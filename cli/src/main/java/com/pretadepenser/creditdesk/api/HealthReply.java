package com.pretadepenser.creditdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /health}: up, how many clients it serves, and whether they are synthetic. */
record HealthReply(
        @JsonProperty("status") String status,
        @JsonProperty("clients") int clients,
        @JsonProperty("synthetic") boolean synthetic) {
}
