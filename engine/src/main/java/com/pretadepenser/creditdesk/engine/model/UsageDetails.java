package com.pretadepenser.creditdesk.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What the model is for ({@code intended-use}), what it is not for ({@code out-of-scope}) and its known limits. */
public record UsageDetails(
        @JsonProperty("intended-use") String intendedUse,
        @JsonProperty("out-of-scope") List<String> outOfScope,
        @JsonProperty("limitations") List<String> limitations) {
}
