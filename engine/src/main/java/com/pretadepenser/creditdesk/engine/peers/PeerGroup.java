package com.pretadepenser.creditdesk.engine.peers;

/**
 * A set of clients of the peer index (row numbers into it), with a name to show.
 *
 * @param kind ALL, REPAYERS, DEFAULTERS, SEGMENT or NEAREST
 */
public record PeerGroup(Kind kind, String description, int[] rows) {
    public enum Kind { ALL, REPAYERS, DEFAULTERS, SEGMENT, NEAREST }

    public PeerGroup {
        if (rows == null) {
            throw new IllegalArgumentException("a peer group needs its rows");
        }
    }

    public int size() {
        return rows.length;
    }
}
