/**
 * The only package that touches LightGBM (lightgbm4j) and its native memory.
 * {@link com.pretadepenser.creditdesk.engine.lightgbm.LightGbmBooster} wraps a booster as an
 * {@link java.lang.AutoCloseable} whose {@code close()} may be called twice, and turns
 * {@code LGBMException} into {@link com.pretadepenser.creditdesk.engine.lightgbm.ModelException} with
 * context; {@link com.pretadepenser.creditdesk.engine.lightgbm.NativeLibrary} extracts and loads the
 * natives. Nothing else in the engine imports lightgbm4j (an ArchUnit rule checks it).
 */
package com.pretadepenser.creditdesk.engine.lightgbm;
