package com.pretadepenser.creditdesk.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.scoring.Application;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /clients/{id}}: the application's fields under the data's own column names
 * ({@code SK_ID_CURR}, {@code TARGET} when known, then the application columns in the schema's
 * order, a missing number as null), then {@code synthetic}.
 */
record ApplicationReply(@JsonIgnore Map<String, Object> fields, @JsonProperty("synthetic") boolean synthetic) {

    ApplicationReply {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The columns, written before {@code synthetic} under their own names. */
    @JsonAnyGetter
    Map<String, Object> columns() {
        return fields;
    }

    static ApplicationReply of(Application application, boolean synthetic) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("SK_ID_CURR", application.clientId());
        application.outcome().ifPresent(target -> fields.put("TARGET", target));
        for (var spec : HomeCreditSchema.get().columns(HomeCreditTable.APPLICATION_TEST)) {
            if (application.isNumber(spec.name())) {
                double value = application.number(spec.name());
                fields.put(spec.name(), Double.isNaN(value) ? null : value);
            } else if (application.textColumns().contains(spec.name())) {
                fields.put(spec.name(), application.text(spec.name()).orElse(null));
            }
        }
        return new ApplicationReply(fields, synthetic);
    }
}
