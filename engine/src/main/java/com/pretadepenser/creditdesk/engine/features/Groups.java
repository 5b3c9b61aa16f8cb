package com.pretadepenser.creditdesk.engine.features;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Rows of a table grouped by a key, compressed: {@code order} lists row indices key by key, and each
 * key maps to its [start, end) range in it. Built once per table; a client's rows are then a slice.
 * A table already sorted by its key (as {@code import} writes child tables) needs no order: a
 * key's rows are the range itself, found in one pass without sorting.
 */
final class Groups {
    private final int[] order;
    private final Int2LongOpenHashMap ranges;

    private Groups(int[] order, Int2LongOpenHashMap ranges) {
        this.order = order;
        this.ranges = ranges;
    }

    static Groups by(int[] keys) {
        boolean sorted = true;
        for (int i = 1; i < keys.length && sorted; i++) {
            sorted = keys[i - 1] <= keys[i];
        }
        int[] order = null;
        if (!sorted) {
            order = new int[keys.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // Stable (each client's rows stay in file order) and primitive: no boxing of millions of row numbers.
            IntArrays.radixSortIndirect(order, keys, true);
        }
        Int2LongOpenHashMap ranges = new Int2LongOpenHashMap();
        ranges.defaultReturnValue(-1);
        for (int start = 0; start < keys.length; ) {
            int key = keys[order == null ? start : order[start]];
            int end = start;
            while (end < keys.length && keys[order == null ? end : order[end]] == key) {
                end++;
            }
            ranges.put(key, ((long) start << 32) | end);
            start = end;
        }
        return new Groups(order, ranges);
    }

    /** The table row at position {@code i} of the grouped order. */
    int row(int i) {
        return order == null ? i : order[i];
    }

    /** Copies the rows at positions [from, to) of the grouped order into {@code into} from {@code at}. */
    void copyRows(int from, int to, int[] into, int at) {
        if (order == null) {
            for (int i = from; i < to; i++) {
                into[at++] = i;
            }
        } else {
            System.arraycopy(order, from, into, at, to - from);
        }
    }

    /**
     * The key's [start, end) positions in the grouped order, packed in one long (read them with
     * {@link #start(long)} and {@link #end(long)}), found with one lookup; -1 for a key without rows.
     */
    long range(int key) {
        return ranges.get(key);
    }

    static int start(long range) {
        return (int) (range >>> 32);
    }

    static int end(long range) {
        return (int) range;
    }

    /** The rows of one key, copied. */
    int[] rows(int key) {
        long range = range(key);
        if (range < 0) {
            return new int[0];
        }
        int[] rows = new int[end(range) - start(range)];
        copyRows(start(range), end(range), rows, 0);
        return rows;
    }
}
