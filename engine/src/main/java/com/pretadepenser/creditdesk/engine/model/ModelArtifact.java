package com.pretadepenser.creditdesk.engine.model;

import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.data.AtomicFolder;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.pretadepenser.creditdesk.engine.trees.ContributionReference;
import com.pretadepenser.creditdesk.engine.trees.TreeEnsemble;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A model folder: {@code model.txt} (LightGBM's text), {@code model-card.json} and LightGBM's own
 * contributions on the model's probe rows ({@link ContributionReference#FILE}, so that opening the
 * model checks the Java TreeSHAP without loading LightGBM). Written at once (staging folder, then
 * rename); read back with the model text's hash checked against the card.
 */
public final class ModelArtifact {
    public static final String MODEL_FILE = "model.txt";
    public static final String CARD_FILE = "model-card.json";
    private static final Logger LOG = Logger.getLogger(ModelArtifact.class.getName());
    public static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ModelArtifact() {
    }

    public static void write(Path folder, ModelCard card, String modelText, boolean replace) {
        ContributionReference reference = reference(modelText);
        AtomicFolder.write(folder, replace, staging -> {
            Files.writeString(staging.resolve(MODEL_FILE), modelText, StandardCharsets.UTF_8);
            JSON.writeValue(staging.resolve(CARD_FILE).toFile(), card);
            if (reference != null) {
                reference.write(staging.resolve(ContributionReference.FILE));
            }
        });
    }

    /**
     * LightGBM's contributions on the model's probe rows (0.1-0.3 s), or null when the Java walk
     * cannot explain the model (trees too deep) or LightGBM cannot compute them: the model is then
     * written without, and opening it asks LightGBM as before.
     */
    private static ContributionReference reference(String modelText) {
        try {
            TreeEnsemble trees = TreeEnsemble.parse(modelText);
            if (!trees.hasContributions()) {
                return null;
            }
            try (LightGbmBooster booster = LightGbmBooster.fromText(modelText)) {
                return ContributionReference.compute(trees, booster, sha256(modelText));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "LightGBM's contributions on the probe rows could not be computed; the model is written without them", e);
            return null;
        }
    }

    /** Refuses, before hours of training, a model folder that exists and may not be replaced. */
    public static void requireWritable(Path folder, boolean replace) {
        if (Files.exists(folder) && !replace) {
            throw new CreditDeskException(EngineMessage.ALREADY_EXISTS_REPLACE, folder.toAbsolutePath().normalize());
        }
    }

    /**
     * Saves the LightGBM text of a model whose card could not be made, beside {@code folder}
     * (never in it: the folder stays as it was), written whole or not at all. Returns the file.
     */
    public static Path rescue(Path folder, String modelText) {
        Path absolute = folder.toAbsolutePath().normalize();
        String name = absolute.getFileName() + ".unfinished-" + MODEL_FILE;
        try {
            return writeWhole(absolute.resolveSibling(name), modelText);
        } catch (IOException beside) {
            // Beside the folder is not writable (the reason the folder could not be written, perhaps): the temp folder.
            try {
                return writeWhole(Path.of(System.getProperty("java.io.tmpdir")).resolve(name), modelText);
            } catch (IOException e) {
                throw new CreditDeskException(e, EngineMessage.MODEL_RESCUE_FAILED, absolute, beside.getMessage(), e.getMessage());
            }
        }
    }

    private static Path writeWhole(Path file, String text) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".writing");
        Files.createDirectories(file.getParent());
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /**
     * The card and the model text of a model folder, after checking the text is the one the card
     * describes, and LightGBM's contributions kept with it if any (not checked here: see
     * {@link ContributionReference#madeFor}).
     */
    public record Contents(ModelCard card, String modelText, Optional<ContributionReference> reference) {
    }

    public static Contents read(Path folder) {
        Path cardFile = folder.resolve(CARD_FILE);
        Path modelFile = folder.resolve(MODEL_FILE);
        if (!Files.isRegularFile(cardFile) || !Files.isRegularFile(modelFile)) {
            throw new CreditDeskException(EngineMessage.MODEL_NOT_A_MODEL, folder, MODEL_FILE, CARD_FILE);
        }
        ModelCard card;
        try {
            card = ModelCardJson.read(JSON, cardFile.toFile());
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new CreditDeskException(e, EngineMessage.MODEL_CARD_UNREADABLE, cardFile, e.getMessage());
        } catch (ModelCardJson.TooNewException e) {
            throw new CreditDeskException(EngineMessage.MODEL_CARD_NEWER, cardFile, e.version, ModelCard.SCHEMA_VERSION);
        }
        String text;
        try {
            text = Files.readString(modelFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CreditDeskException(e, EngineMessage.CANNOT_READ, modelFile, e.getMessage());
        }
        String actual = sha256(text);
        if (!actual.equals(card.details().modelFile().sha256())) {
            throw new CreditDeskException(EngineMessage.MODEL_HASH_MISMATCH, modelFile, actual, card.details().modelFile().sha256());
        }
        return new Contents(card, text, ContributionReference.read(folder));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("creditdesk", com.pretadepenser.creditdesk.engine.CreditDeskVersion.get());
        env.put("lightgbm4j", LightGbmBooster.BINDING_VERSION);
        env.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return env;
    }

    public static UsageDetails defaultUsage(boolean synthetic) {
        List<String> limitations = new java.util.ArrayList<>(List.of(
                "Probabilities are calibrated to the training data's default rate; a portfolio with another rate needs recalibration.",
                "Trained on applicants who were granted a loan in the past: it has not seen how refused applicants would have repaid.",
                "Gender and age are model inputs because the Home Credit data carries them; their use in a decision must be reviewed against local non-discrimination law."));
        if (synthetic) {
            limitations.add(0, "Trained on SYNTHETIC data: for demonstration and testing only, never for a real credit decision.");
        }
        return new UsageDetails(
                "Estimate the probability that a consumer-credit applicant with little or no credit history has payment "
                        + "difficulties, to support (not replace) a relationship manager's decision, with the reasons shown.",
                List.of("Automatic refusal without human review",
                        "Applicants or products unlike Home Credit's consumer and cash loans",
                        "Setting prices, limits or collections priorities"),
                limitations);
    }
}
