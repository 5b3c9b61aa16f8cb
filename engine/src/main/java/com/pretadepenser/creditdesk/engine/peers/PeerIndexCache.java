package com.pretadepenser.creditdesk.engine.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.pretadepenser.creditdesk.engine.ProgressMonitor;
import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.features.ClientHistory;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.model.ScoringModel;
import com.pretadepenser.creditdesk.engine.model.ModelArtifact;
import com.pretadepenser.creditdesk.engine.model.ModelCard;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The peer index of a dataset under a model, kept on disk so that the next start reads it instead
 * of scoring every client again (about 10 s at full scale). One file per dataset and model, in the
 * user's cache folder (e.g. {@code ~/.cache/creditdesk} on Linux, or the folder the
 * {@code creditdesk.cache} system property names), never beside the dataset: that folder may be
 * read-only or shared.
 *
 * <p>A file is named by both keys (the dataset's {@link com.pretadepenser.creditdesk.engine.data.LocalDataset#identity()}
 * and the SHA-256 of the model card, which holds the model file's own SHA-256), written to a
 * temporary file and then moved into place, and checked when read: format, both keys in full,
 * sizes, and a CRC-32 of every byte. A file that fails any check is not trusted: the index is
 * built again and the file replaced. Writing is best effort: a cache that cannot be written costs
 * the next start its 10 s, never the officer's work. At most {@link #KEEP} files are kept, the
 * least recently written removed first.
 */
public final class PeerIndexCache {
    private static final Logger LOG = Logger.getLogger(PeerIndexCache.class.getName());
    private static final byte[] MAGIC = "CDPEERS\0".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    /** Cache files kept: a few datasets and models (about 100 MB each at full scale). */
    static final int KEEP = 4;
    private static final String PREFIX = "peers-";
    private static final String SUFFIX = ".bin";

    private final Path folder;

    public PeerIndexCache(Path folder) {
        this.folder = folder;
    }

    /** In the user's cache folder ({@link com.pretadepenser.creditdesk.engine.UserFolders#cache()}). */
    public static PeerIndexCache forUser() {
        return new PeerIndexCache(com.pretadepenser.creditdesk.engine.UserFolders.current().cache());
    }

    /** An index with where it came from: read from the cache, or built (and why the cache was not used). */
    public record Loaded(PeerIndex index, boolean fromCache, String why) {
    }

    /**
     * The peer index of {@code data} under {@code model}: read from the cache when a checked file
     * is there, else built (telling and polling {@code monitor}: a cancelled build writes nothing) and written for the next start.
     *
     * @param datasetKey the dataset's identity, or null for data with none (a CSV folder): built, not cached
     */
    public Loaded load(ScoringModel model, HomeCreditData data, ClientHistory history, String datasetKey, ProgressMonitor monitor) {
        if (datasetKey == null) {
            return new Loaded(PeerIndexBuilder.build(model, data, history, monitor), false, "the data is not an imported dataset");
        }
        String modelKey = modelKey(model.card());
        Path file = file(datasetKey, modelKey);
        String why;
        if (Files.isRegularFile(file)) {
            try {
                PeerIndex index = read(file, datasetKey, modelKey, model.card());
                monitor.progress(1, 1, "");
                return new Loaded(index, true, "read from " + file);
            } catch (StaleCacheException e) {
                why = file + " " + e.getMessage();
                LOG.log(Level.WARNING, "Peer index cache not used, building the index again: {0}", why);
            }
        } else {
            why = "no cache file yet";
        }
        PeerIndex index = PeerIndexBuilder.build(model, data, history, monitor);
        write(file, datasetKey, modelKey, index);
        return new Loaded(index, false, why);
    }

    /**
     * Writes the card for its key with every map's entries sorted by key: a map's iteration order
     * (a {@code Map.copyOf}'s changes from one process to the next) must not make the same model a new key.
     */
    private static final com.fasterxml.jackson.databind.ObjectWriter KEY_JSON = ModelArtifact.JSON.copy()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .writer();

    /** SHA-256 of the model card as JSON (maps sorted): the model file's SHA-256, its features and their schema. */
    static String modelKey(ModelCard card) {
        try {
            return sha256(KEY_JSON.writeValueAsBytes(card));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model card that was read can be written", e);
        }
    }

    Path file(String datasetKey, String modelKey) {
        return folder.resolve(PREFIX + datasetKey.substring(0, 16) + "-" + modelKey.substring(0, 16) + SUFFIX);
    }

    /** Why a cache file was not trusted. */
    static final class StaleCacheException extends Exception {
        private static final long serialVersionUID = 1L;

        StaleCacheException(String reason) {
            super(reason);
        }
    }

    static PeerIndex read(Path file, String datasetKey, String modelKey, ModelCard card) throws StaleCacheException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new StaleCacheException("could not be read (" + e + ")");
        }
        if (bytes.length < MAGIC.length + Long.BYTES) {
            throw new StaleCacheException("is truncated (" + bytes.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.getLong(bytes.length - Long.BYTES) != crc.getValue()) {
            throw new StaleCacheException("is damaged or torn (its checksum does not match its contents)");
        }
        buffer.limit(bytes.length - Long.BYTES);
        try {
            byte[] magic = new byte[MAGIC.length];
            buffer.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new StaleCacheException("is not a CreditDesk peer index");
            }
            int format = buffer.getInt();
            if (format != FORMAT) {
                throw new StaleCacheException("has format " + format + ", this version writes " + FORMAT);
            }
            if (!text(buffer).equals(datasetKey)) {
                throw new StaleCacheException("was made from other data");
            }
            if (!text(buffer).equals(modelKey)) {
                throw new StaleCacheException("was made with another model");
            }
            int rows = buffer.getInt();
            int count = buffer.getInt();
            if (rows <= 0 || count < 0) {
                throw new StaleCacheException("announces " + rows + " rows and " + count + " features");
            }
            List<String> names = new ArrayList<>();
            for (int f = 0; f < count; f++) {
                names.add(text(buffer));
            }
            long expected = (long) rows * Integer.BYTES * 2 + (long) rows * Double.BYTES * (count + 1);
            if (buffer.remaining() != expected) {
                throw new StaleCacheException("holds " + buffer.remaining() + " bytes of values where " + rows + " rows need " + expected);
            }
            int[] clientIds = new int[rows];
            buffer.asIntBuffer().get(clientIds);
            buffer.position(buffer.position() + rows * Integer.BYTES);
            double[][] columns = new double[count][rows];
            for (double[] column : columns) {
                buffer.asDoubleBuffer().get(column);
                buffer.position(buffer.position() + rows * Double.BYTES);
            }
            double[] probability = new double[rows];
            buffer.asDoubleBuffer().get(probability);
            buffer.position(buffer.position() + rows * Double.BYTES);
            int[] outcome = new int[rows];
            buffer.asIntBuffer().get(outcome);
            return new PeerIndex(FeatureMatrix.of(clientIds, names, columns), probability, outcome,
                    PeerIndexBuilder.neighbourFeatures(card));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new StaleCacheException("is malformed (" + e + ")");
        }
    }

    private static String text(ByteBuffer buffer) throws StaleCacheException {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new StaleCacheException("is malformed (a text of " + length + " bytes)");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Writes {@code index} to a temporary file beside {@code file}, then moves it into place; failures are logged. */
    void write(Path file, String datasetKey, String modelKey, PeerIndex index) {
        FeatureMatrix features = index.features();
        int rows = features.rows();
        List<byte[]> names = features.names().stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
        byte[] dataset = datasetKey.getBytes(StandardCharsets.UTF_8);
        byte[] model = modelKey.getBytes(StandardCharsets.UTF_8);
        long size = MAGIC.length + 4 + 4 + dataset.length + 4 + model.length + 8
                + names.stream().mapToLong(n -> 4 + n.length).sum()
                + (long) rows * Integer.BYTES * 2 + (long) rows * Double.BYTES * (names.size() + 1) + Long.BYTES;
        if (size > Integer.MAX_VALUE - 8) {
            LOG.log(Level.WARNING, "Peer index of {0} bytes not cached: too large for one file", size);
            return;
        }
        Path temporary = null;
        try {
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            buffer.put(MAGIC).putInt(FORMAT);
            buffer.putInt(dataset.length).put(dataset).putInt(model.length).put(model);
            buffer.putInt(rows).putInt(names.size());
            names.forEach(n -> buffer.putInt(n.length).put(n));
            buffer.asIntBuffer().put(features.clientIds());
            buffer.position(buffer.position() + rows * Integer.BYTES);
            for (String name : features.names()) {
                buffer.asDoubleBuffer().put(features.column(name));
                buffer.position(buffer.position() + rows * Double.BYTES);
            }
            buffer.asDoubleBuffer().put(index.probabilities());
            buffer.position(buffer.position() + rows * Double.BYTES);
            buffer.asIntBuffer().put(index.outcomes());
            buffer.position(buffer.position() + rows * Integer.BYTES);
            CRC32 crc = new CRC32();
            crc.update(buffer.array(), 0, buffer.position());
            buffer.putLong(crc.getValue());

            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, PREFIX, ".part");
            Files.write(temporary, buffer.array());
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            prune();
        } catch (IOException | OutOfMemoryError | RuntimeException e) {
            LOG.log(Level.WARNING, "Peer index not cached in " + folder + "; the next start builds it again", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "could not remove " + temporary, e);
                }
            }
        }
    }

    /** Removes all but the {@link #KEEP} most recently written cache files. */
    private void prune() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparingLong((Path p) -> p.toFile().lastModified()).reversed())
                    .toList();
        }
        for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
