package com.pretadepenser.creditdesk.engine.lightgbm;

import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;

/**
 * A LightGBM dataset: features binned once, shared by every fit that trains or validates on its
 * rows or on a subset of them (LightGBM's own cross-validation works the same way: one dataset,
 * subsets by index). Owns native memory: close it (twice is harmless); subsets are independent
 * datasets and are closed on their own.
 *
 * <p>Built from feature columns straight into LightGBM's native float32 matrix, column by
 * column: no row-major copy and no Java-side float array of the whole matrix.
 */
public final class LightGbmDataset implements AutoCloseable {
    private final LGBMDataset dataset;
    private final int rows;
    private final List<String> names;
    private final String parameters;
    private boolean closed;

    private LightGbmDataset(LGBMDataset dataset, int rows, List<String> names, String parameters) {
        this.dataset = dataset;
        this.rows = rows;
        this.names = List.copyOf(names);
        this.parameters = parameters;
    }

    /**
     * Bins {@code columns} (float32, one array per feature, each at least {@code rows} long) with their labels.
     *
     * @param categorical indices into {@code names} of the categorical features
     * @param parameters  LightGBM settings; those that shape the bins (max_bin, min_data_in_bin,
     *                    categorical_feature, ...) hold for every fit on this dataset and its subsets
     */
    public static LightGbmDataset fromColumns(List<float[]> columns, int rows, List<String> names, int[] categorical,
                                              float[] labels, Map<String, String> parameters) {
        if (columns.size() != names.size()) {
            throw new IllegalArgumentException(columns.size() + " columns for " + names.size() + " names");
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
        NativeLibrary.ensureLoaded();
        String params = LightGbmBooster.parameterString(parameters, categorical);
        long cells = (long) rows * columns.size();
        SWIGTYPE_p_float matrix = lightgbmlib.new_floatArray(cells);
        try {
            long at = 0;
            for (float[] column : columns) {
                for (int r = 0; r < rows; r++) {
                    lightgbmlib.floatArray_setitem(matrix, at++, column[r]);
                }
            }
            SWIGTYPE_p_p_void out = lightgbmlib.new_voidpp();
            int status = lightgbmlib.LGBM_DatasetCreateFromMat(lightgbmlib.float_to_voidp_ptr(matrix), lightgbmlib.C_API_DTYPE_FLOAT32,
                    rows, columns.size(), 0, params, null, out);
            if (status < 0) {
                throw new ModelException(EngineMessage.LIGHTGBM_CANNOT_BIN, rows, columns.size(), lightgbmlib.LGBM_GetLastError());
            }
            LightGbmDataset made = new LightGbmDataset(wrap(lightgbmlib.voidpp_value(out)), rows, names, params);
            try {
                made.dataset.setFeatureNames(names.toArray(String[]::new));
                made.dataset.setField("label", labels);
            } catch (LGBMException e) {
                made.close();
                throw new ModelException(e, EngineMessage.LIGHTGBM_CANNOT_LABEL, e.getMessage());
            }
            return made;
        } finally {
            lightgbmlib.delete_floatArray(matrix);
        }
    }

    /** The rows at {@code indices} (ascending), binned as this dataset is, with their labels. */
    public LightGbmDataset subset(int[] indices) {
        requireOpen();
        SWIGTYPE_p_int used = lightgbmlib.new_intArray(indices.length);
        try {
            int previous = -1;
            for (int i = 0; i < indices.length; i++) {
                if (indices[i] <= previous || indices[i] >= rows) {
                    throw new IllegalArgumentException("subset rows must be ascending and below " + rows + ": " + indices[i]
                            + " at position " + i);
                }
                previous = indices[i];
                lightgbmlib.intArray_setitem(used, i, indices[i]);
            }
            SWIGTYPE_p_p_void out = lightgbmlib.new_voidpp();
            if (lightgbmlib.LGBM_DatasetGetSubset(dataset.handle, used, indices.length, parameters, out) < 0) {
                throw new ModelException(EngineMessage.LIGHTGBM_CANNOT_SUBSET, indices.length, lightgbmlib.LGBM_GetLastError());
            }
            return new LightGbmDataset(wrap(lightgbmlib.voidpp_value(out)), indices.length, names, parameters);
        } finally {
            lightgbmlib.delete_intArray(used);
        }
    }

    public int rows() {
        return rows;
    }

    public List<String> names() {
        return names;
    }

    LGBMDataset handle() {
        requireOpen();
        return dataset;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this LightGBM dataset has been closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                dataset.close();
            } catch (LGBMException e) {
                throw new ModelException(e, EngineMessage.LIGHTGBM_CANNOT_FREE, e.getMessage());
            }
        }
    }

    /**
     * lightgbm4j makes its dataset from a native handle only inside its own package (its
     * constructor is package-private) and offers no subset: the handle LightGBM returns is wrapped
     * through that constructor, so that boosters and close() work on it as on any other.
     */
    private static LGBMDataset wrap(SWIGTYPE_p_void handle) {
        try {
            Constructor<LGBMDataset> constructor = LGBMDataset.class.getDeclaredConstructor(SWIGTYPE_p_void.class);
            constructor.setAccessible(true);
            return constructor.newInstance(handle);
        } catch (ReflectiveOperationException e) {
            lightgbmlib.LGBM_DatasetFree(handle);
            throw new ModelException(e, EngineMessage.LIGHTGBM_CANNOT_WRAP, String.valueOf(e));
        }
    }
}
