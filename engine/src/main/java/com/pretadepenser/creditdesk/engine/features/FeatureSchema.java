package com.pretadepenser.creditdesk.engine.features;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.pretadepenser.creditdesk.engine.data.ColumnKind;
import com.pretadepenser.creditdesk.engine.data.ColumnSpec;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditSchema;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the feature pipeline learned from the training data and must reuse unchanged when scoring:
 * the levels of every text column, keyed {@code table.COLUMN}, sorted. Application categories
 * become LightGBM categorical codes (index in this list); child-table categories become
 * per-client shares of each level. A level unseen at training maps to missing.
 */
public record FeatureSchema(@JsonProperty("levels") Map<String, List<String>> levels) {

    public FeatureSchema {
        levels = Map.copyOf(levels);
    }

    /** Learns the levels of every text column of every table present (train and test applications pooled). */
    public static FeatureSchema fit(HomeCreditData data) {
        Map<String, TreeSet<String>> found = new TreeMap<>();
        for (HomeCreditTable table : HomeCreditTable.values()) {
            if (!data.has(table)) {
                continue;
            }
            for (ColumnSpec spec : HomeCreditSchema.get().columns(table)) {
                if (spec.isNumber() || spec.kind() == ColumnKind.ID) {
                    continue;
                }
                TreeSet<String> levels = found.computeIfAbsent(key(table, spec.name()), k -> new TreeSet<>());
                levels.addAll(data.levels(table, spec.name()));
            }
        }
        Map<String, List<String>> levels = new TreeMap<>();
        found.forEach((k, v) -> levels.put(k, List.copyOf(v)));
        return new FeatureSchema(levels);
    }

    public List<String> levels(HomeCreditTable table, String column) {
        return levels.getOrDefault(key(table, column), List.of());
    }

    static String key(HomeCreditTable table, String column) {
        return table.schemaName() + "." + column;
    }
}
