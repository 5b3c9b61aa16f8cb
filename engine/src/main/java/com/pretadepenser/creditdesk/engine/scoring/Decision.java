package com.pretadepenser.creditdesk.engine.scoring;

/** The decision at the model's threshold: refused when the probability is at or above it. */
public enum Decision {
    GRANTED, REFUSED
}
