package com.pretadepenser.creditdesk.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.data.HomeCreditTable;
import com.pretadepenser.creditdesk.engine.explain.FeatureLabels;
import com.pretadepenser.creditdesk.engine.synth.SyntheticGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * What an officer reads about each feature (family, French and English label, description, source
 * table), pinned for every feature the pipeline makes and every feature of the shipped model, so
 * that moving the feature prefixes into one catalogue changed no word. The pinned file was written
 * by the code before that move. {@code -Dcreditdesk.writeGolden=DIR} writes the current answers to
 * DIR/feature-catalogue.tsv (for a deliberate wording change, then review the diff).
 */
class FeatureCatalogueGoldenTest {
    private static final String GOLDEN = "feature-catalogue.tsv";

    @TempDir
    Path dir;

    @Test
    void everyFeatureKeepsItsFamilyLabelsDescriptionAndSource() throws IOException {
        new SyntheticGenerator().generate(SyntheticGenerator.Settings.kaggleSplit(600, 5), dir.resolve("syn"), false);
        HomeCreditData data = HomeCreditFolder.scan(dir.resolve("syn")).read();
        FeaturePipeline pipeline = new FeaturePipeline(FeatureSchema.fit(data));
        Table train = data.table(HomeCreditTable.APPLICATION_TRAIN).orElseThrow();
        TreeSet<String> features = new TreeSet<>(pipeline.compute(train, new ClientHistory(data)).names());
        features.addAll(shippedModelFeatures());
        assertTrue(features.size() > 300, "the pipeline makes hundreds of features: " + features.size());

        Map<String, String> actual = new LinkedHashMap<>();
        for (String feature : features) {
            HomeCreditTable source = FeaturePipeline.sourceTable(feature);
            actual.put(feature, String.join("\t", feature, FeatureFamily.of(feature).name(),
                    FeatureLabels.label(feature, Locale.ENGLISH), FeatureLabels.label(feature, Locale.FRENCH),
                    FeatureDescriptions.describe(feature), source == null ? "-" : source.name()));
        }
        String write = System.getProperty("creditdesk.writeGolden");
        if (write != null) {
            Files.writeString(Path.of(write).resolve(GOLDEN), String.join("\n", actual.values()) + "\n", StandardCharsets.UTF_8);
        }

        Map<String, String> pinned = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertNotNull(in, GOLDEN + " is missing from the test resources");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                pinned.put(line.substring(0, line.indexOf('\t')), line);
            }
        }
        List<String> differences = new ArrayList<>();
        actual.forEach((feature, line) -> {
            if (pinned.containsKey(feature) && !pinned.get(feature).equals(line)) {
                differences.add("was: " + pinned.get(feature) + "\nnow: " + line);
            }
        });
        assertEquals(List.of(), differences);
        assertEquals(pinned.keySet(), actual.keySet(), "the same features as when pinned");
    }

    private static List<String> shippedModelFeatures() throws IOException {
        Path model = projectRoot().resolve("models/default/model.txt");
        for (String line : Files.readAllLines(model)) {
            if (line.startsWith("feature_names=")) {
                return List.of(line.substring("feature_names=".length()).trim().split(" "));
            }
        }
        throw new AssertionError("no feature_names in " + model);
    }

    private static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("models/default"))) {
                return p;
            }
        }
        throw new AssertionError("models/default not found above " + Path.of("").toAbsolutePath());
    }
}
