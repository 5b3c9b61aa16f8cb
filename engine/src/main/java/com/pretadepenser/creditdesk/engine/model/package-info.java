/**
 * The only package that touches LightGBM (lightgbm4j) and its native memory.
 * {@link com.pretadepenser.creditdesk.engine.model.LightGbmBooster} wraps a booster as an
 * {@link java.lang.AutoCloseable} whose {@code close()} may be called twice, and turns
 * {@code LGBMException} into {@link com.pretadepenser.creditdesk.engine.model.ModelException} with
 * context. Nothing else in the engine imports lightgbm4j (an ArchUnit rule checks it).
 */
package com.pretadepenser.creditdesk.engine.model;
