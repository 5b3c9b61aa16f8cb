package com.pretadepenser.creditdesk.engine.trees;

import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * LightGBM's own TreeSHAP contributions on a model's probe rows ({@link LightGbmAgreement#probeColumns}),
 * kept beside the model ({@link #FILE}) when it is written, so that the Java walk can be checked
 * against them when the model is opened without loading LightGBM (about 0.15 s of a start).
 *
 * <p>Only LightGBM's side is kept: the Java side is computed again by the code that will explain the
 * clients, at each opening. A reference is used only for the model text it was made from (its
 * SHA-256) and the LightGBM binding that made it; one that is missing, damaged, made for another
 * model or that the Java walk disagrees with is set aside, and LightGBM itself decides.
 *
 * @param modelSha256   SHA-256 of the model text
 * @param lightGbm      the binding that computed the contributions ({@link LightGbmBooster#BINDING_VERSION})
 * @param columns       the probe rows, one column per model feature
 * @param rows          probe rows
 * @param contributions LightGBM's contributions, row-major, {@code featureCount + 1} per row
 */
public record ContributionReference(String modelSha256, String lightGbm, double[][] columns, int rows, double[] contributions) {
    /** The file in a model folder. */
    public static final String FILE = "lightgbm-contributions.bin";
    private static final long MAGIC = 0x4344_5348_4150_0001L; // "CDSHAP", format 1
    private static final Logger LOG = Logger.getLogger(ContributionReference.class.getName());

    public ContributionReference {
        for (double[] column : columns) {
            if (column.length != rows) {
                throw new IllegalArgumentException("a probe column of " + column.length + " values for " + rows + " rows");
            }
        }
        if (contributions.length != (long) rows * (columns.length + 1)) {
            throw new IllegalArgumentException(contributions.length + " contributions for " + rows + " rows of " + columns.length + " features");
        }
    }

    /**
     * LightGBM's contributions on the probe rows of {@code trees} (the model {@code booster} holds):
     * at least {@link LightGbmAgreement#PROBE_ROWS} rows, more when a feature has more split values to place.
     */
    public static ContributionReference compute(TreeEnsemble trees, LightGbmBooster booster, String modelSha256) {
        int rows = LightGbmAgreement.probeRows(trees);
        double[][] columns = LightGbmAgreement.probeColumns(trees, rows, 1);
        int featureCount = columns.length;
        double[] rowMajor = new double[rows * featureCount];
        for (int f = 0; f < featureCount; f++) {
            for (int r = 0; r < rows; r++) {
                rowMajor[r * featureCount + f] = columns[f][r];
            }
        }
        return new ContributionReference(modelSha256, LightGbmBooster.BINDING_VERSION, columns, rows,
                booster.contributions(rowMajor, rows, 1));
    }

    /** Whether this reference was made for that model text by the LightGBM this build runs. */
    public boolean madeFor(String sha256) {
        return modelSha256.equals(sha256) && lightGbm.equals(LightGbmBooster.BINDING_VERSION);
    }

    public int featureCount() {
        return columns.length;
    }

    public void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeLong(MAGIC);
            out.writeUTF(modelSha256);
            out.writeUTF(lightGbm);
            out.writeInt(rows);
            out.writeInt(columns.length);
            for (double[] column : columns) {
                for (double value : column) {
                    out.writeDouble(value);
                }
            }
            for (double value : contributions) {
                out.writeDouble(value);
            }
        }
    }

    /**
     * The reference in a model folder, if there is a readable one: empty when the file is missing
     * (a model written before 2026-12-03) or damaged (logged), never an exception.
     */
    public static Optional<ContributionReference> read(Path folder) {
        Path file = folder.resolve(FILE);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readLong() != MAGIC) {
                throw new IOException("not a CreditDesk contribution reference");
            }
            String sha = in.readUTF();
            String lightGbm = in.readUTF();
            int rows = in.readInt();
            int features = in.readInt();
            long size = Files.size(file);
            if (rows < 0 || features < 0 || (long) rows * (2L * features + 1) * Double.BYTES > size) {
                throw new IOException(rows + " rows of " + features + " features do not fit in " + size + " bytes");
            }
            double[][] columns = new double[features][rows];
            for (double[] column : columns) {
                for (int r = 0; r < rows; r++) {
                    column[r] = in.readDouble();
                }
            }
            double[] contributions = new double[rows * (features + 1)];
            for (int i = 0; i < contributions.length; i++) {
                contributions[i] = in.readDouble();
            }
            if (in.read() != -1) {
                throw new IOException("bytes after the last contribution");
            }
            return Optional.of(new ContributionReference(sha, lightGbm, columns, rows, contributions));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (EOFException e) {
            LOG.warning(file + " is cut short; LightGBM checks the Java TreeSHAP instead");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warning(file + " cannot be read (" + e.getMessage() + "); LightGBM checks the Java TreeSHAP instead");
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContributionReference that && rows == that.rows && modelSha256.equals(that.modelSha256)
                && lightGbm.equals(that.lightGbm) && Arrays.deepEquals(columns, that.columns)
                && Arrays.equals(contributions, that.contributions);
    }

    @Override
    public int hashCode() {
        return 31 * modelSha256.hashCode() + Arrays.hashCode(contributions);
    }

    @Override
    public String toString() {
        return "ContributionReference[" + rows + " rows x " + columns.length + " features, model " + modelSha256 + ", lightgbm4j " + lightGbm + "]";
    }
}
