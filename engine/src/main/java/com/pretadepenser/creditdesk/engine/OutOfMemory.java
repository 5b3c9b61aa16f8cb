package com.pretadepenser.creditdesk.engine;

import java.util.Locale;

/**
 * The one line a person reads when the Java heap runs out: what was being done, the heap Java
 * had, and what to do. An {@link OutOfMemoryError} is never shown as a stack trace.
 */
public final class OutOfMemory {
    private static final double GB = 1024.0 * 1024 * 1024;

    private OutOfMemory() {
    }

    /** The heap this Java may grow to, in bytes ({@code -Xmx}, by default a quarter of the RAM). */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** E.g. "Out of memory during train (fold 3/5): Java's heap is limited to 2.0 GB. ...". */
    public static String message(String activity, long maxHeapBytes) {
        return text(activity, maxHeapBytes).toString();
    }

    /**
     * The same sentence in any language; {@code activity} may itself be an {@link EngineText}
     * (such as {@link EngineMessage#THIS_TASK}) or a text already in the reader's language.
     */
    public static EngineText text(Object activity, long maxHeapBytes) {
        long suggested = Math.max(2, (long) Math.ceil(2 * maxHeapBytes / GB));
        return EngineText.of(EngineMessage.OUT_OF_MEMORY, activity, heapText(maxHeapBytes), suggested);
    }

    public static EngineText text(Object activity) {
        return text(activity, maxHeap());
    }

    /** The heap limit as a person reads it: "48 MB", "2.0 GB". */
    public static String heapText(long maxHeapBytes) {
        return maxHeapBytes < GB ? String.format(Locale.ROOT, "%d MB", Math.round(maxHeapBytes / (1024.0 * 1024)))
                : String.format(Locale.ROOT, "%.1f GB", maxHeapBytes / GB);
    }

    public static String heapText() {
        return heapText(maxHeap());
    }

    public static String message(String activity) {
        return message(activity, maxHeap());
    }
}
