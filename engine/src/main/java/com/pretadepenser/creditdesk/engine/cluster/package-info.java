/**
 * The workers of a distributed training run: their list ({@code Machines}) and their own small
 * channel beside LightGBM's network ({@code WorkerGroup}: meeting, exchanges through rank 0,
 * heartbeats, a clear stop when a worker is gone). LightGBM's network itself is started by the
 * {@code lightgbm} package; the training that uses both is the {@code training} package's
 * {@code DistributedTrainer}.
 */
package com.pretadepenser.creditdesk.engine.cluster;
