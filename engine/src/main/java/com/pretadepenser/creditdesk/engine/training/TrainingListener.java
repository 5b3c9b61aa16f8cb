package com.pretadepenser.creditdesk.engine.training;

/** Progress of a training run, for a progress bar. Called on the training thread. */
public interface TrainingListener {
    TrainingListener SILENT = new TrainingListener() {
    };

    /** Work before the fits (the features of every applicant): {@code share} done, from 0 to 1. */
    default void preparing(String description, double share) {
    }

    /** A model fit begins: {@code step} of {@code steps} planned (steps may grow when pruning adds a run). */
    default void fitStarted(String description, int step, int steps) {
    }

    /** A boosting round ended, with the validation AUC (NaN for the final fit on all data). */
    default void round(int round, double validationAuc) {
    }
}
