package com.pretadepenser.creditdesk.engine.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a local dataset holds and where it came from, written as {@code manifest.json} (kebab-case
 * keys, versioned) when the import completes. A model trained on the dataset copies its sources
 * into the model card, so the data behind every decision can be traced.
 */
public record DatasetManifest(
        @JsonProperty("schema-version") int schemaVersion,
        @JsonProperty("imported-at") String importedAt,
        @JsonProperty("synthetic") boolean synthetic,
        @JsonProperty("generator") Map<String, Object> generator,
        @JsonProperty("source-folder") String sourceFolder,
        @JsonProperty("sources") List<Source> sources,
        @JsonProperty("tables") List<TableEntry> tables,
        @JsonProperty("orphan-rows") Map<String, Long> orphanRows,
        @JsonProperty("notes") List<String> notes) {

    public static final int SCHEMA_VERSION = 1;

    public DatasetManifest {
        Objects.requireNonNull(importedAt, "imported-at");
        sources = List.copyOf(sources);
        tables = List.copyOf(tables);
        orphanRows = orphanRows == null ? Map.of() : Map.copyOf(orphanRows);
        notes = notes == null ? List.of() : List.copyOf(notes);
        generator = generator == null ? null : Map.copyOf(generator);
    }

    /** One source CSV as it was when imported. */
    public record Source(
            @JsonProperty("file") String file,
            @JsonProperty("sha256") String sha256,
            @JsonProperty("rows") long rows,
            @JsonProperty("bytes") long bytes) {
    }

    /** One stored table. */
    public record TableEntry(
            @JsonProperty("table") String table,
            @JsonProperty("file") String file,
            @JsonProperty("rows") long rows) {
    }
}
