package com.pretadepenser.creditdesk.engine.peers;

import com.pretadepenser.creditdesk.engine.CreditDeskException;
import com.pretadepenser.creditdesk.engine.EngineMessage;
import com.pretadepenser.creditdesk.engine.features.FeatureMatrix;
import com.pretadepenser.creditdesk.engine.features.FeaturePipeline;
import com.pretadepenser.creditdesk.engine.stats.Statistics;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Every client of a dataset with their features, predicted probability and (when labelled)
 * outcome, ready for peer queries. Built once per dataset and model; queries are linear in the
 * group's size at most, and the three fixed groups keep each feature sorted after its first use,
 * so a query on 307k clients stays within milliseconds (docs/benchmarks.md).
 */
public final class PeerIndex {
    private final FeatureMatrix features;
    private final double[] probability;
    private final int[] outcome;
    private final Int2IntOpenHashMap rowOf = new Int2IntOpenHashMap();
    private final List<String> neighbourFeatures;
    private final double[][] standardized;
    private final Map<String, double[]> sortedCache = new ConcurrentHashMap<>();

    /**
     * @param outcome      1 defaulted, 0 repaid, -1 unknown (test applicants), per row of {@code features}
     * @param neighbourFeatures the numeric features that span the space of "similar clients"
     */
    public PeerIndex(FeatureMatrix features, double[] probability, int[] outcome, List<String> neighbourFeatures) {
        if (probability.length != features.rows() || outcome.length != features.rows()) {
            throw new IllegalArgumentException("need one probability and one outcome per client");
        }
        this.features = features;
        this.probability = probability;
        this.outcome = outcome;
        rowOf.defaultReturnValue(-1);
        for (int row = 0; row < features.rows(); row++) {
            rowOf.put(features.clientId(row), row);
        }
        this.neighbourFeatures = neighbourFeatures.stream().filter(f -> !FeaturePipeline.isCategorical(f)).toList();
        this.standardized = standardize(features, this.neighbourFeatures);
    }

    /** Every client's kept features (shared, do not modify). */
    public FeatureMatrix features() {
        return features;
    }

    public int size() {
        return features.rows();
    }

    public List<String> neighbourFeatures() {
        return neighbourFeatures;
    }

    public int row(int clientId) {
        int row = rowOf.get(clientId);
        if (row < 0) {
            throw new CreditDeskException(EngineMessage.PEERS_UNKNOWN_CLIENT, clientId);
        }
        return row;
    }

    public PeerGroup all() {
        return new PeerGroup(PeerGroup.Kind.ALL, "all clients", IntStream.range(0, size()).toArray());
    }

    public PeerGroup repayers() {
        return new PeerGroup(PeerGroup.Kind.REPAYERS, "clients who repaid", IntStream.range(0, size()).filter(r -> outcome[r] == 0).toArray());
    }

    public PeerGroup defaulters() {
        return new PeerGroup(PeerGroup.Kind.DEFAULTERS, "clients who defaulted", IntStream.range(0, size()).filter(r -> outcome[r] == 1).toArray());
    }

    /** Clients sharing every given attribute value with the client (see {@link Segment}). */
    public PeerGroup segment(int clientId, List<Segment> attributes) {
        int client = row(clientId);
        double[][] columns = new double[attributes.size()][];
        double[] wanted = new double[attributes.size()];
        for (int a = 0; a < columns.length; a++) {
            columns[a] = features.column(attributes.get(a).feature());
            wanted[a] = attributes.get(a).band(columns[a][client]);
        }
        int[] buffer = new int[size()];
        int count = 0;
        rows:
        for (int r = 0; r < buffer.length; r++) {
            for (int a = 0; a < columns.length; a++) {
                if (attributes.get(a).band(columns[a][r]) != wanted[a]) {
                    continue rows;
                }
            }
            buffer[count++] = r;
        }
        int[] rows = Arrays.copyOf(buffer, count);
        String description = attributes.isEmpty() ? "all clients"
                : "clients with the same " + String.join(", ", attributes.stream().map(Segment::description).toList());
        return new PeerGroup(PeerGroup.Kind.SEGMENT, description, rows);
    }

    /** The {@code k} clients nearest to the client in the standardized neighbour features (the client excluded). */
    public PeerGroup nearest(int clientId, int k) {
        int client = row(clientId);
        double[] target = new double[standardized.length];
        for (int f = 0; f < standardized.length; f++) {
            target[f] = standardized[f][client];
        }
        return nearest(target, k, client, "the " + k + " most similar clients");
    }

    /** The {@code k} clients nearest to a client described by raw feature values (a new or edited application). */
    public PeerGroup nearest(FeatureMatrix single, int k) {
        double[] target = new double[neighbourFeatures.size()];
        for (int f = 0; f < target.length; f++) {
            double[] column = features.column(neighbourFeatures.get(f));
            double value = single.value(0, neighbourFeatures.get(f));
            target[f] = Double.isNaN(value) ? 0 : (value - mean(column)) / sd(column);
        }
        return nearest(target, k, -1, "the " + k + " most similar clients");
    }

    private PeerGroup nearest(double[] target, int k, int exclude, String description) {
        int n = size();
        double[] distance = new double[n];
        for (int r = 0; r < n; r++) {
            double d = 0;
            for (int f = 0; f < target.length; f++) {
                double diff = standardized[f][r] - target[f];
                d += diff * diff;
            }
            distance[r] = r == exclude ? Double.POSITIVE_INFINITY : d;
        }
        return new PeerGroup(PeerGroup.Kind.NEAREST, description, smallest(distance, Math.min(k, n - (exclude >= 0 ? 1 : 0))));
    }

    /** Rows of the k smallest distances, nearest first: a bounded max-heap, O(n log k), no boxing. */
    static int[] smallest(double[] distance, int k) {
        int[] heap = new int[k];
        int size = 0;
        for (int r = 0; r < distance.length; r++) {
            if (size < k) {
                heap[size] = r;
                siftUp(heap, size++, distance);
            } else if (k > 0 && distance[r] < distance[heap[0]]) {
                heap[0] = r;
                siftDown(heap, size, distance);
            }
        }
        int[] sorted = Arrays.copyOf(heap, size);
        return IntStream.of(sorted).boxed().sorted((a, b) -> Double.compare(distance[a], distance[b])).mapToInt(Integer::intValue).toArray();
    }

    private static void siftUp(int[] heap, int i, double[] key) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (key[heap[parent]] >= key[heap[i]]) {
                return;
            }
            int t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] key) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int largest = i;
            if (left < size && key[heap[left]] > key[heap[largest]]) {
                largest = left;
            }
            if (left + 1 < size && key[heap[left + 1]] > key[heap[largest]]) {
                largest = left + 1;
            }
            if (largest == i) {
                return;
            }
            int t = heap[largest];
            heap[largest] = heap[i];
            heap[i] = t;
            i = largest;
        }
    }

    /** The feature's distribution over the group, the client's value placed in it. */
    public Distribution distribution(PeerGroup group, String feature, double clientValue, int bins) {
        double[] column = features.column(feature);
        double[] present = presentSorted(group, feature, column);
        int labelled = 0;
        double defaults = 0;
        double sumProbability = 0;
        for (int r : group.rows()) {
            sumProbability += probability[r];
            if (outcome[r] >= 0) {
                labelled++;
                defaults += outcome[r];
            }
        }
        double[] quantiles = new double[Distribution.QUANTILE_LEVELS.length];
        for (int q = 0; q < quantiles.length; q++) {
            quantiles[q] = Statistics.quantileOfSorted(present, Distribution.QUANTILE_LEVELS[q]);
        }
        double[] edges = new double[0];
        int[] counts = new int[0];
        if (present.length > 0) {
            double min = present[0];
            double max = present[present.length - 1];
            int b = min == max ? 1 : bins;
            edges = new double[b + 1];
            counts = new int[b];
            for (int i = 0; i <= b; i++) {
                edges[i] = min + (max - min) * i / b;
            }
            for (double v : present) {
                counts[min == max ? 0 : Math.min(b - 1, (int) ((v - min) / (max - min) * b))]++;
            }
        }
        boolean placed = !Double.isNaN(clientValue) && present.length > 0;
        double percentile = placed ? 100.0 * lowerBound(present, clientValue) / present.length : Double.NaN;
        double above = placed ? 100.0 * (present.length - lowerBound(present, Math.nextUp(clientValue))) / present.length : Double.NaN;
        return new Distribution(feature, group.description(), group.size(), present.length, edges, counts, quantiles,
                clientValue, percentile, above, labelled == 0 ? Double.NaN : defaults / labelled,
                group.size() == 0 ? Double.NaN : sumProbability / group.size(), labelled);
    }

    public double value(int clientId, String feature) {
        return features.value(row(clientId), feature);
    }

    public double probability(int clientId) {
        return probability[row(clientId)];
    }

    /** For drawing a scatter: at most {@code limit} rows of the group, evenly spaced (statistics use the whole group). */
    public int[] sample(PeerGroup group, int limit) {
        if (group.size() <= limit) {
            return group.rows();
        }
        int[] sample = new int[limit];
        for (int i = 0; i < limit; i++) {
            sample[i] = group.rows()[(int) ((long) i * group.size() / limit)];
        }
        return sample;
    }

    public double[] column(String feature) {
        return features.column(feature);
    }

    public double[] probabilities() {
        return probability;
    }

    public int[] outcomes() {
        return outcome;
    }

    private double[] presentSorted(PeerGroup group, String feature, double[] column) {
        if (group.kind() == PeerGroup.Kind.ALL || group.kind() == PeerGroup.Kind.REPAYERS || group.kind() == PeerGroup.Kind.DEFAULTERS) {
            return sortedCache.computeIfAbsent(group.kind() + "\u0000" + feature, k -> sortPresent(group.rows(), column));
        }
        return sortPresent(group.rows(), column);
    }

    private static double[] sortPresent(int[] rows, double[] column) {
        double[] values = new double[rows.length];
        int n = 0;
        for (int r : rows) {
            if (!Double.isNaN(column[r])) {
                values[n++] = column[r];
            }
        }
        double[] present = Arrays.copyOf(values, n);
        Arrays.sort(present);
        return present;
    }

    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static double[][] standardize(FeatureMatrix features, List<String> names) {
        double[][] out = new double[names.size()][];
        for (int f = 0; f < names.size(); f++) {
            double[] column = features.column(names.get(f));
            double mean = mean(column);
            double sd = sd(column);
            double[] z = new double[column.length];
            for (int r = 0; r < column.length; r++) {
                z[r] = Double.isNaN(column[r]) ? 0 : (column[r] - mean) / sd;
            }
            out[f] = z;
        }
        return out;
    }

    private static double mean(double[] column) {
        double mean = Statistics.mean(column);
        return Double.isNaN(mean) ? 0 : mean;
    }

    /** The spread to standardize by: 1 where it is undefined or zero, so such a feature adds nothing. */
    private static double sd(double[] column) {
        double sd = Statistics.standardDeviation(column);
        return Double.isNaN(sd) || sd == 0 ? 1 : sd;
    }
}
