package com.pretadepenser.creditdesk.engine.trees;

import com.pretadepenser.creditdesk.engine.trees.TreeEnsemble;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * LightGBM's path-dependent TreeSHAP ({@code Tree::TreeSHAP}), computed from per-leaf tables so
 * that a client costs O(leaves x path length) per tree instead of O(leaves x depth²).
 *
 * <p>Why it is exact: along the path to leaf {@code l}, each distinct feature {@code j} has a zero
 * fraction {@code z_j} (the product of the training-count shares of the branches the path takes
 * on {@code j}) and a one fraction {@code o_j} (1 when the client satisfies every split on
 * {@code j} of the path, else 0). TreeSHAP gives the Shapley values of the game
 * {@code v(S) = value_l * prod_{j in S} o_j * prod_{j not in S} z_j}, summed over leaves. Since
 * {@code o_j} is 0 or 1, with {@code U} the features the client satisfies, {@code Z} the product
 * of the other features' {@code z} and {@code d} the number of distinct features on the path:
 * <pre>
 *   phi_i += value_l * (1 - z_i) * Z * B(U \ {i})   for i in U
 *   phi_i -= value_l * Z * B(U)                     for i not in U
 *   B(V) = sum over S subset of V of  |S|! (d-|S|-1)! / d!  * prod_{j in V \ S} z_j
 * </pre>
 * {@code Z} and {@code B} depend only on the leaf and {@code U}, so {@code T(V) = Z(V) B(V)} is
 * tabulated once per model for every subset of every leaf's path (2^d values; the shipped model's
 * leaves have d <= 14, 8 MB in all), and since {@code Z(U) = Z(U \ {i}) / z_i} a client costs per
 * leaf one table read and one multiply-add per path feature:
 * {@code phi_i += value_l * (1 - z_i) / z_i * T(U \ {i})} or {@code phi_i -= value_l * T(U)}. A leaf
 * whose path is longer than {@link #TABLE_DEPTH} or than {@link #TABLE_BUDGET} allows (paths are
 * tabulated from the shortest up), or that has a branch of zero count, computes {@code Z} and
 * {@code B} from the elementary symmetric polynomials of its {@code z} instead. Two sibling leaves
 * under a feature new to their path are summed as one unit ({@link Builder#pair}). Tests hold the
 * result equal to LightGBM's {@code C_API_PREDICT_CONTRIB} to 1e-9 for every client of the demo
 * dataset, and {@link LightGbmAgreement#contributionsAgree} checks it for any model before use.
 */
final class TreeShap {
    /** Longest path (distinct features) whose subsets are tabulated: 2^16 doubles = 512 KB per leaf at most. */
    static final int TABLE_DEPTH = 16;
    /** Values tabulated at most (64 MB); longer paths beyond it are summed without tables. */
    static final long TABLE_BUDGET = 8L << 20;
    /** Masks are longs: a path of more distinct features than this is left to LightGBM. */
    static final int MAX_DEPTH = 63;
    /**
     * Rows explained together: each tree's tables are read once per block, so larger blocks read
     * less memory (measured: 256 rows about 20 % faster than 64, 1,024 no faster than 256).
     */
    private static final int BLOCK = 256;
    /** Fewer rows than this (one client on screen) are explained row by row, without blocks or threads. */
    private static final int FEW = 8;

    private final PathTree[] trees;
    private final int featureCount;
    private final double expectedValue;
    private final int maxPath;
    private final int maxNodes;

    /**
     * One tree: its internal nodes in parent-before-child order, each node's bit in its path and
     * its children's slots (internal node k at k, leaf l after the internal nodes); each leaf's
     * path (distinct features and their zero fractions z); and its units, what a client is summed
     * over. A unit is a tabulated leaf, two tabulated sibling leaves split on a feature new to their
     * path (their sums share all but one table read, see {@link Builder#pair}), or a leaf summed
     * without tables. A tabulated unit's entries each add
     * {@code (bit * step - value) * table[base + (set ^ (bit & flip) << k)]} to a feature, where
     * {@code bit} tells whether the client satisfies path feature k.
     */
    private record PathTree(Tree tree, int[] order, long[] nodeBit, int[] leftSlot, int[] rightSlot,
                            int[] pathLength, int[] pathFeature, double[] pathZero,
                            int[] unitSlot, int[] unitLength, int[] unitStart, int[] unitLeaf,
                            int[] entryFeature, double[] entryStep, double[] entryValue, int[] entryFlip, int[] entryBase,
                            double[] table) {
    }

    private TreeShap(PathTree[] trees, int featureCount, double expectedValue, int maxPath, int maxNodes) {
        this.trees = trees;
        this.featureCount = featureCount;
        this.expectedValue = expectedValue;
        this.maxPath = maxPath;
        this.maxNodes = maxNodes;
    }

    /**
     * Tables for the trees of a model, or null when a path holds more than {@link #MAX_DEPTH}
     * distinct features. Paths are tabulated from the shortest up while the tables stay within
     * {@link #TABLE_BUDGET} values and {@code tableDepth} features (tests lower it to check the
     * untabulated computation).
     */
    static TreeShap build(Tree[] trees, int featureCount, int tableDepth) {
        Builder[] builders = new Builder[trees.length];
        double expected = 0;
        long[] leavesByLength = new long[MAX_DEPTH + 1];
        for (int t = 0; t < trees.length; t++) {
            Tree tree = trees[t];
            expected += expectedValue(tree);
            if (tree.leafValue().length > 1) {
                builders[t] = new Builder(tree);
                if (!builders[t].walk(0, new int[0], new double[0])) {
                    return null;
                }
                for (int length : builders[t].pathLength) {
                    leavesByLength[length]++;
                }
            }
        }
        int depth = 0;
        long values = 0;
        while (depth < Math.min(tableDepth, TABLE_DEPTH) && values + (leavesByLength[depth + 1] << depth + 1) <= TABLE_BUDGET) {
            depth++;
            values += leavesByLength[depth] << depth;
        }
        PathTree[] built = new PathTree[trees.length];
        int maxPath = 1;
        int maxNodes = 1;
        for (int t = 0; t < trees.length; t++) {
            if (builders[t] != null) {
                built[t] = builders[t].result(depth);
                maxPath = Math.max(maxPath, Arrays.stream(built[t].pathLength).max().orElse(1));
                maxNodes = Math.max(maxNodes, trees[t].leafValue().length);
            }
        }
        return new TreeShap(built, featureCount, expected, maxPath, maxNodes);
    }

    /** LightGBM's {@code Tree::ExpectedValue}: the leaves' outputs weighted by their training counts. */
    private static double expectedValue(Tree tree) {
        if (tree.leafValue().length == 1) {
            return tree.leafValue()[0];
        }
        double total = tree.internalCount()[0];
        double value = 0;
        for (int l = 0; l < tree.leafValue().length; l++) {
            value += tree.leafCount()[l] / total * tree.leafValue()[l];
        }
        return value;
    }

    /** Walks a tree once, recording each node's bit in its path and each leaf's path; then tabulates the short paths. */
    private static final class Builder {
        private final Tree tree;
        private final long[] nodeBit;
        private final boolean[] newFeature;
        private final int[] leftSlot;
        private final int[] rightSlot;
        private final List<Integer> order = new ArrayList<>();
        private final int[] pathLength;
        private final int[] pathStart;
        private final List<Integer> features = new ArrayList<>();
        private final List<Double> zeros = new ArrayList<>();

        Builder(Tree tree) {
            this.tree = tree;
            int leaves = tree.leafValue().length;
            this.nodeBit = new long[leaves - 1];
            this.newFeature = new boolean[leaves - 1];
            this.leftSlot = new int[leaves - 1];
            this.rightSlot = new int[leaves - 1];
            this.pathLength = new int[leaves];
            this.pathStart = new int[leaves];
        }

        private int slot(int child) {
            return child >= 0 ? child : nodeBit.length + ~child;
        }

        private double count(int node) {
            return node >= 0 ? tree.internalCount()[node] : tree.leafCount()[~node];
        }

        boolean walk(int node, int[] pathFeatures, double[] pathZeros) {
            if (node < 0) {
                int leaf = ~node;
                pathLength[leaf] = pathFeatures.length;
                pathStart[leaf] = features.size();
                for (int k = 0; k < pathFeatures.length; k++) {
                    features.add(pathFeatures[k]);
                    zeros.add(pathZeros[k]);
                }
                return true;
            }
            order.add(node);
            int feature = tree.splitFeature()[node];
            int bit = 0;
            while (bit < pathFeatures.length && pathFeatures[bit] != feature) {
                bit++;
            }
            if (bit > MAX_DEPTH - 1) {
                return false;
            }
            nodeBit[node] = 1L << bit;
            newFeature[node] = bit == pathFeatures.length;
            leftSlot[node] = slot(tree.left()[node]);
            rightSlot[node] = slot(tree.right()[node]);
            int[] childFeatures = bit < pathFeatures.length ? pathFeatures : Arrays.copyOf(pathFeatures, bit + 1);
            childFeatures[bit] = feature;
            for (int child : new int[] {tree.left()[node], tree.right()[node]}) {
                double[] childZeros = Arrays.copyOf(pathZeros, childFeatures.length);
                double incoming = bit < pathZeros.length ? pathZeros[bit] : 1;
                childZeros[bit] = incoming * count(child) / count(node);
                if (!walk(child, childFeatures, childZeros)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The tree's units, with T(V) tabulated for every leaf of at most {@code tableDepth} path
         * features (and no empty branch).
         */
        PathTree result(int tableDepth) {
            double[] z = zeros.stream().mapToDouble(Double::doubleValue).toArray();
            int leaves = pathLength.length;
            double[][] leafTable = new double[leaves][];
            for (int leaf = 0; leaf < leaves; leaf++) {
                int from = pathStart[leaf];
                int d = pathLength[leaf];
                if (d <= tableDepth && Arrays.stream(z, from, from + d).allMatch(v -> v > 0)) {
                    leafTable[leaf] = new double[1 << d];
                    tabulate(z, from, d, leafTable[leaf], 0);
                }
            }
            Units units = new Units();
            boolean[] done = new boolean[leaves];
            for (int node : order) {
                int a = ~tree.left()[node];
                int b = ~tree.right()[node];
                if (a >= 0 && b >= 0 && leafTable[a] != null && leafTable[b] != null && newFeature[node]) {
                    pair(units, a, b, leafTable, z);
                    done[a] = true;
                    done[b] = true;
                }
            }
            for (int leaf = 0; leaf < leaves; leaf++) {
                if (done[leaf]) {
                    continue;
                }
                if (leafTable[leaf] == null) {
                    units.untabulated(nodeBit.length + leaf, pathLength[leaf], pathStart[leaf], leaf);
                    continue;
                }
                double value = tree.leafValue()[leaf];
                int base = units.table(leafTable[leaf]);
                int start = units.unit(nodeBit.length + leaf, pathLength[leaf]);
                for (int k = 0; k < pathLength[leaf]; k++) {
                    double zk = z[pathStart[leaf] + k];
                    // satisfied: value (1 - z) / z T(U - k); failed: -value T(U)
                    units.entry(start, k, features.get(pathStart[leaf] + k), value * (1 - zk) / zk + value, value, 1, base);
                }
            }
            return new PathTree(tree, order.stream().mapToInt(Integer::intValue).toArray(), nodeBit, leftSlot, rightSlot,
                    pathLength, features.stream().mapToInt(Integer::intValue).toArray(), z,
                    units.slots.toIntArray(), units.lengths.toIntArray(), units.starts.toIntArray(), units.leaves.toIntArray(),
                    units.features.toIntArray(), units.steps.toDoubleArray(), units.values.toDoubleArray(),
                    units.flips.toIntArray(), units.bases.toIntArray(), units.table.toDoubleArray());
        }

        /**
         * Sibling leaves a (left) and b (right) of a node splitting on a feature f new to their path,
         * at bit p = d - 1: they share the other d - 1 features and their z, and a client satisfies
         * f for exactly one of them. With U the client's set for a (bit p: went left),
         * U_b = U with bit p flipped, so for a feature k other than f both leaves' shares sum to
         * {@code r_k M(U - k)} or {@code -M(U)} with {@code M(U) = v_a T_a(U) + v_b T_b(U ^ p)};
         * and f's share is one read of {@code F(U)}: {@code v_a r_fa T_a(V) - v_b T_b(V)} when the
         * client went left, {@code -v_a T_a(V) + v_b r_fb T_b(V)} when right, V = U without f.
         */
        private void pair(Units units, int a, int b, double[][] leafTable, double[] z) {
            int d = pathLength[a];
            int p = d - 1;
            double va = tree.leafValue()[a];
            double vb = tree.leafValue()[b];
            double[] ta = leafTable[a];
            double[] tb = leafTable[b];
            double za = z[pathStart[a] + p];
            double zb = z[pathStart[b] + p];
            double[] merged = new double[1 << d];
            double[] split = new double[1 << d];
            for (int set = 0; set < merged.length; set++) {
                merged[set] = va * ta[set] + vb * tb[set ^ 1 << p];
                int without = set & ~(1 << p);
                boolean left = (set >> p & 1) != 0;
                split[set] = left ? va * (1 - za) / za * ta[without] - vb * tb[without]
                        : -va * ta[without] + vb * (1 - zb) / zb * tb[without];
            }
            int mergedBase = units.table(merged);
            int splitBase = units.table(split);
            int start = units.unit(nodeBit.length + a, d);
            for (int k = 0; k < p; k++) {
                double zk = z[pathStart[a] + k];
                units.entry(start, k, features.get(pathStart[a] + k), (1 - zk) / zk + 1, 1, 1, mergedBase);
            }
            units.entry(start, p, features.get(pathStart[a] + p), 0, -1, 0, splitBase);
        }

        /**
         * T(V) = Z(V) B(V) for every subset V of a path of {@code d} features, V as a bit set: a
         * walk that decides feature by feature whether it is in V, carrying the product of the z
         * left out and the polynomial of those taken, so a subset costs O(d), not O(d²).
         */
        private static void tabulate(double[] z, int start, int d, double[] table, int at) {
            double[][] poly = new double[d + 1][d + 1];
            poly[0][0] = 1;
            tabulate(z, start, d, 0, 0, 0, 1, poly, table, at);
        }

        private static void tabulate(double[] z, int start, int d, int k, int set, int taken, double zeroOfOthers,
                                     double[][] poly, double[] table, int at) {
            if (k == d) {
                table[at + set] = zeroOfOthers * weighted(poly[d], taken, d);
                return;
            }
            double zk = z[start + k];
            double[] from = poly[k];
            double[] to = poly[k + 1];
            // k in V: multiply the polynomial by (1 + z_k t).
            to[0] = 1;
            for (int m = 1; m <= taken + 1; m++) {
                to[m] = (m <= taken ? from[m] : 0) + zk * from[m - 1];
            }
            tabulate(z, start, d, k + 1, set | 1 << k, taken + 1, zeroOfOthers, poly, table, at);
            // k not in V: the polynomial as it was, z_k into the product of those left out.
            System.arraycopy(from, 0, to, 0, taken + 1);
            tabulate(z, start, d, k + 1, set, taken, zeroOfOthers * zk, poly, table, at);
        }
    }

    /** The units of a tree being built, and their entries and tables. */
    private static final class Units {
        final IntArrayList slots = new IntArrayList();
        final IntArrayList lengths = new IntArrayList();
        final IntArrayList starts = new IntArrayList();
        final IntArrayList leaves = new IntArrayList();
        final IntArrayList features = new IntArrayList();
        final DoubleArrayList steps = new DoubleArrayList();
        final DoubleArrayList values = new DoubleArrayList();
        final IntArrayList flips = new IntArrayList();
        final IntArrayList bases = new IntArrayList();
        final DoubleArrayList table = new DoubleArrayList();

        int table(double[] values) {
            int base = table.size();
            table.addElements(base, values);
            return base;
        }

        /** A tabulated unit; returns where its entries start. */
        int unit(int slot, int length) {
            slots.add(slot);
            lengths.add(length);
            starts.add(features.size());
            leaves.add(-1);
            return features.size();
        }

        void untabulated(int slot, int length, int pathStart, int leaf) {
            slots.add(slot);
            lengths.add(length);
            starts.add(pathStart);
            leaves.add(leaf);
        }

        void entry(int start, int k, int feature, double step, double value, int flip, int base) {
            if (features.size() != start + k) {
                throw new IllegalStateException("entries out of order");
            }
            features.add(feature);
            steps.add(step);
            values.add(value);
            flips.add(flip);
            bases.add(base);
        }
    }


    /**
     * B(V) for the zero fractions {@code zs[0..u)} of V on a path of {@code d} distinct features:
     * sum over k of the Shapley weight k!(d-k-1)!/d! times the elementary symmetric polynomial
     * of degree u-k of the {@code zs} ({@code poly} is scratch of at least u+1 values).
     */
    static double weightedSum(double[] zs, int u, int d, double[] poly) {
        poly[0] = 1;
        for (int i = 0; i < u; i++) {
            poly[i + 1] = 0;
            for (int m = i + 1; m >= 1; m--) {
                poly[m] += zs[i] * poly[m - 1];
            }
        }
        return weighted(poly, u, d);
    }

    /** sum over k <= min(u, d-1) of k!(d-k-1)!/d! * poly[u-k]. */
    private static double weighted(double[] poly, int u, int d) {
        double sum = 0;
        double weight = 1.0 / d; // k = 0: (d-1)!/d!
        for (int k = 0; k <= u && k < d; k++) {
            sum += weight * poly[u - k];
            weight *= (double) (k + 1) / (d - k - 1); // w(k+1) = w(k) * (k+1) / (d-k-1)
        }
        return sum;
    }

    /**
     * Contributions of {@code rows} rows given as one column per feature: per row, one value per
     * feature then the bias ({@code featureCount + 1} values), LightGBM's layout; blocks of rows
     * run in parallel on the common pool.
     */
    double[] contributions(double[][] columns, int rows) {
        int width = featureCount + 1;
        if ((long) rows * width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(rows + " rows of " + width + " contributions do not fit one array; explain them in chunks");
        }
        double[] out = new double[rows * width];
        if (rows < FEW) {
            long[] masks = new long[2 * maxNodes];
            double[] zs = new double[maxPath];
            for (int r = 0; r < rows; r++) {
                for (PathTree tree : trees) {
                    if (tree != null) {
                        addRow(tree, columns, r, out, r * width, masks, zs);
                    }
                }
                out[r * width + featureCount] = expectedValue;
            }
            return out;
        }
        int blocks = (rows + BLOCK - 1) / BLOCK;
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * BLOCK;
            int to = Math.min(rows, from + BLOCK);
            Scratch scratch = new Scratch(to - from, maxNodes, maxPath, featureCount);
            for (PathTree tree : trees) {
                if (tree != null) {
                    add(tree, columns, from, to, scratch);
                }
            }
            // The block was summed feature-major (rows contiguous); hand it back row-major.
            double[] sums = scratch.sums;
            for (int r = from; r < to; r++) {
                int row = r * width;
                for (int f = 0; f < featureCount; f++) {
                    out[row + f] = sums[f * scratch.stride + r - from];
                }
                out[row + featureCount] = expectedValue;
            }
        });
        return out;
    }

    /** A block's working arrays: each row's path masks by slot, a leaf's satisfied sets by row, the sums by feature then row. */
    private static final class Scratch {
        final long[] masks;
        final int stride;
        final int[] sets;
        final double[] sums;
        final double[] zs;

        Scratch(int rows, int leaves, int maxPath, int features) {
            stride = rows;
            sets = new int[rows];
            masks = new long[2 * leaves * rows];
            sums = new double[features * rows];
            zs = new double[maxPath];
        }
    }

    /**
     * Adds one tree's contributions for rows {@code from..to}: first each row's failed splits, as
     * bits of each leaf's path (the branch not taken marks its feature); then leaf by leaf, path
     * feature by path feature, over the rows, so that a leaf's table stays in cache and the sums
     * are written contiguously.
     */
    private static void add(PathTree path, double[][] columns, int from, int to, Scratch scratch) {
        Tree tree = path.tree;
        int[] split = tree.splitFeature();
        long[] masks = scratch.masks;
        int rows = to - from;
        int stride = scratch.stride;
        for (int r = 0; r < rows; r++) {
            masks[r] = 0;
        }
        for (int node : path.order) {
            double[] column = columns[split[node]];
            long bit = path.nodeBit[node];
            int at = node * stride;
            int left = path.leftSlot[node] * stride;
            int right = path.rightSlot[node] * stride;
            for (int r = 0; r < rows; r++) {
                long mask = masks[at + r];
                boolean goesLeft = tree.goesLeft(column[from + r], node);
                masks[left + r] = goesLeft ? mask : mask | bit;
                masks[right + r] = goesLeft ? mask | bit : mask;
            }
        }
        double[] t = path.table;
        double[] sums = scratch.sums;
        int[] sets = scratch.sets;
        for (int unit = 0; unit < path.unitSlot.length; unit++) {
            int d = path.unitLength[unit];
            int start = path.unitStart[unit];
            long all = (1L << d) - 1;
            int slot = path.unitSlot[unit] * stride;
            int leaf = path.unitLeaf[unit];
            if (leaf >= 0) {
                for (int r = 0; r < rows; r++) {
                    addUntabulated(path, start, d, ~masks[slot + r] & all, tree.leafValue()[leaf], sums, r, stride, scratch.zs);
                }
                continue;
            }
            // A tabulated path has at most TABLE_DEPTH features: its sets fit an int.
            for (int r = 0; r < rows; r++) {
                sets[r] = (int) (~masks[slot + r] & all);
            }
            for (int k = 0; k < d; k++) {
                int e = start + k;
                double step = path.entryStep[e];
                double value = path.entryValue[e];
                int flip = path.entryFlip[e];
                int base = path.entryBase[e];
                int sum = path.entryFeature[e] * stride;
                for (int r = 0; r < rows; r++) {
                    int u = sets[r];
                    int bit = u >>> k & 1;
                    // Arithmetic, not a branch: whether a client satisfies a feature is a coin toss the CPU cannot predict.
                    sums[sum + r] += (bit * step - value) * t[base + (u ^ (bit & flip) << k)];
                }
            }
        }
    }

    /** One row through one tree, for a few rows: the same sums as {@link #add}, without the block layout. */
    private static void addRow(PathTree path, double[][] columns, int row, double[] out, int offset, long[] masks, double[] zs) {
        Tree tree = path.tree;
        int[] split = tree.splitFeature();
        masks[0] = 0;
        for (int node : path.order) {
            long mask = masks[node];
            long failed = mask | path.nodeBit[node];
            boolean goesLeft = tree.goesLeft(columns[split[node]][row], node);
            masks[path.leftSlot[node]] = goesLeft ? mask : failed;
            masks[path.rightSlot[node]] = goesLeft ? failed : mask;
        }
        double[] t = path.table;
        for (int unit = 0; unit < path.unitSlot.length; unit++) {
            int d = path.unitLength[unit];
            int start = path.unitStart[unit];
            long satisfied = ~masks[path.unitSlot[unit]] & (1L << d) - 1;
            int leaf = path.unitLeaf[unit];
            if (leaf >= 0) {
                addUntabulated(path, start, d, satisfied, tree.leafValue()[leaf], out, offset, 1, zs);
                continue;
            }
            int u = (int) satisfied;
            for (int k = 0; k < d; k++) {
                int e = start + k;
                int bit = u >>> k & 1;
                out[offset + path.entryFeature[e]] += (bit * path.entryStep[e] - path.entryValue[e])
                        * t[path.entryBase[e] + (u ^ (bit & path.entryFlip[e]) << k)];
            }
        }
    }

    /** The same sums for a path too long to tabulate: Z directly, B from the polynomials of the satisfied features' z. */
    private static void addUntabulated(PathTree path, int start, int d, long satisfied, double value, double[] sums, int row,
                                       int stride, double[] zs) {
        int u = 0;
        double zeroOfFailed = 1;
        for (int k = 0; k < d; k++) {
            if ((satisfied >> k & 1) != 0) {
                zs[u++] = path.pathZero[start + k];
            } else {
                zeroOfFailed *= path.pathZero[start + k];
            }
        }
        double scale = value * zeroOfFailed;
        double[] poly = new double[d + 1];
        double all = weightedSum(zs, u, d, poly);
        double lowered = u < d ? scale * all : 0;
        double[] without = new double[d + 1];
        for (int k = 0, i = 0; k < d; k++) {
            int feature = path.pathFeature[start + k];
            if ((satisfied >> k & 1) == 0) {
                sums[feature * stride + row] -= lowered;
                continue;
            }
            // Divide the polynomial by (1 + z t): the satisfied features but this one (stable, z <= 1).
            double z = zs[i++];
            without[0] = 1;
            for (int m = 1; m < u; m++) {
                without[m] = poly[m] - z * without[m - 1];
            }
            sums[feature * stride + row] += scale * (1 - z) * weighted(without, u - 1, d);
        }
    }
}
