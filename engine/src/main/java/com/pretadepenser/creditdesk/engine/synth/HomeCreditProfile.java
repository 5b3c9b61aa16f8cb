package com.pretadepenser.creditdesk.engine.synth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Per-table column profiles measured on the genuine Home Credit sample by {@link ProfileBuilder}.
 * Only aggregates are kept (quantiles, rates, frequencies), never a row. The shipped one is a
 * resource; {@code creditdesk profile} rebuilds it.
 *
 * @param ratios named derived distributions (e.g. goods price / credit), as quantile profiles
 */
public record HomeCreditProfile(
        @JsonProperty("schema-version") int schemaVersion,
        @JsonProperty("source") String source,
        @JsonProperty("target-rate") double targetRate,
        @JsonProperty("tables") Map<String, Map<String, ColumnProfile>> tables,
        @JsonProperty("ratios") Map<String, ColumnProfile> ratios) {

    static final String RESOURCE = "home-credit-profile.json";
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public HomeCreditProfile {
        tables = Map.copyOf(tables);
        ratios = Map.copyOf(ratios);
    }

    public static HomeCreditProfile shipped() {
        try (InputStream in = HomeCreditProfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CreditDeskException(EngineMessage.PROFILE_MISSING, RESOURCE);
            }
            return JSON.readValue(in, HomeCreditProfile.class);
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.PROFILE_UNREADABLE, e.getMessage());
        }
    }

    public static HomeCreditProfile read(Path file) {
        try {
            return JSON.readValue(file.toFile(), HomeCreditProfile.class);
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.PROFILE_FILE_UNREADABLE, file, e.getMessage());
        }
    }

    public void write(Path file) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.PROFILE_FILE_UNWRITABLE, file, e.getMessage());
        }
    }

    public Optional<ColumnProfile> column(String table, String column) {
        return Optional.ofNullable(tables.getOrDefault(table, Map.of()).get(column));
    }

    public ColumnProfile require(String table, String column) {
        return column(table, column).orElseThrow(() -> new CreditDeskException(
                EngineMessage.PROFILE_NO_COLUMN, table, column));
    }

    public ColumnProfile ratio(String name) {
        ColumnProfile ratio = ratios.get(name);
        if (ratio == null) {
            throw new CreditDeskException(EngineMessage.PROFILE_NO_RATIO, name);
        }
        return ratio;
    }
}
