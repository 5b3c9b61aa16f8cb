package com.pretadepenser.creditdesk.engine.features;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;

/**
 * Rows of a table grouped by a key, compressed: {@code order} lists row indices key by key, and each
 * key maps to its [start, end) range in it. Built once per table; a client's rows are then a slice.
 */
final class Groups {
    private final int[] order;
    private final Int2LongOpenHashMap ranges;

    private Groups(int[] order, Int2LongOpenHashMap ranges) {
        this.order = order;
        this.ranges = ranges;
    }

    static Groups by(int[] keys) {
        int[] order = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable (each client's rows stay in file order) and primitive: no boxing of millions of row numbers.
        IntArrays.radixSortIndirect(order, keys, true);
        Int2LongOpenHashMap ranges = new Int2LongOpenHashMap();
        ranges.defaultReturnValue(-1);
        for (int start = 0; start < order.length; ) {
            int key = keys[order[start]];
            int end = start;
            while (end < order.length && keys[order[end]] == key) {
                end++;
            }
            ranges.put(key, ((long) start << 32) | end);
            start = end;
        }
        return new Groups(order, ranges);
    }

    int[] order() {
        return order;
    }

    boolean has(int key) {
        return ranges.containsKey(key);
    }

    int start(int key) {
        return (int) (ranges.get(key) >>> 32);
    }

    int end(int key) {
        return (int) ranges.get(key);
    }

    /** The rows of one key, copied. */
    int[] rows(int key) {
        long range = ranges.get(key);
        return range < 0 ? new int[0] : Arrays.copyOfRange(order, (int) (range >>> 32), (int) range);
    }
}
