package com.pretadepenser.creditdesk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.scoring.ApplicationForm;
import java.util.List;

/** Every error: what was wrong and what to do; for an invalid application, also each bad field ({@code fields}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorReply(
        @JsonProperty("error") String error,
        @JsonProperty("fields") List<FieldReply> fields) {

    static ErrorReply of(String message) {
        return new ErrorReply(message, null);
    }

    /** An invalid application: the message in the request's language, each field's in English (as the API has always sent it). */
    static ErrorReply of(ApplicationForm.InvalidApplicationException e, java.util.Locale lang) {
        return new ErrorReply(e.getLocalizedMessage(lang), e.errors().stream().map(f -> new FieldReply(f.field(), f.message())).toList());
    }

    /** One bad field of an application and why. */
    record FieldReply(@JsonProperty("field") String field, @JsonProperty("message") String message) {
    }
}
