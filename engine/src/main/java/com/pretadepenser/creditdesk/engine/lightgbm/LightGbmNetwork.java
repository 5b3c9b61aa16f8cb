package com.pretadepenser.creditdesk.engine.lightgbm;

import com.microsoft.ml.lightgbm.lightgbmlib;
import com.pretadepenser.creditdesk.engine.EngineMessage;

/**
 * LightGBM's own network of workers (its socket linkers), started once per process for a
 * distributed training run: every dataset made and every booster trained while it is open use
 * it (the bins are found by the workers together, each tree is grown from every worker's rows).
 * Close it, once the run is done, on every worker (twice is harmless).
 */
public final class LightGbmNetwork implements AutoCloseable {
    private boolean closed;

    private LightGbmNetwork() {
    }

    /**
     * Loads LightGBM's native library now, so that starting the network right after a barrier
     * waits for no extraction: LightGBM's linking retries with growing pauses, and a worker late by
     * the library's load made the other wait 17 s on this machine.
     */
    public static void prepare() {
        NativeLibrary.ensureLoaded();
    }

    /**
     * Starts LightGBM's network and returns once every worker is connected.
     *
     * @param machines       every worker as {@code ip:port}, in rank order (the same list on each)
     * @param localPort      the port this worker listens on: its own entry's
     * @param timeoutMinutes LightGBM's socket time-out, in whole minutes (at least 1)
     */
    public static LightGbmNetwork start(String machines, int localPort, int timeoutMinutes, int workers) {
        NativeLibrary.ensureLoaded();
        if (lightgbmlib.LGBM_NetworkInit(machines, localPort, Math.max(1, timeoutMinutes), workers) < 0) {
            throw new ModelException(EngineMessage.LIGHTGBM_NETWORK_FAILED, machines, localPort, lightgbmlib.LGBM_GetLastError());
        }
        return new LightGbmNetwork();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            lightgbmlib.LGBM_NetworkFree();
        }
    }
}
