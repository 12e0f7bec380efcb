package org.nnwiki.core.kernel;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Packings of matrices that are used again and again as the right operand of a product: a weight
 * used at every step of a sequence is packed once per update, not once per step. The kernels own
 * this cache; a tensor only counts the in-place changes of its array, which the caller passes as
 * {@code version}. Entries are keyed by the array itself (by identity) and go with it.
 */
public final class PackCache {
    private PackCache() {}

    private record Entry(int version, int rows, int cols, Gemm.Packed packed) {}

    /** Per array: the plain packing in slot 0, the transposed one in slot 1. */
    private static final Map<float[], Entry[]> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * {@code b}, a (rows, cols) matrix, packed as the right operand of a product (transposed or
     * not); the packing made for the same array, shape and version, or a new one.
     */
    public static Gemm.Packed packed(
            float[] b, int version, boolean transposed, int rows, int cols) {
        Entry[] slots = CACHE.computeIfAbsent(b, k -> new Entry[2]);
        int slot = transposed ? 1 : 0;
        synchronized (slots) {
            Entry e = slots[slot];
            if (e == null || e.version() != version || e.rows() != rows || e.cols() != cols) {
                Gemm.Packed p =
                        transposed
                                ? Gemm.pack(b, 0, true, cols, rows)
                                : Gemm.pack(b, 0, false, rows, cols);
                e = slots[slot] = new Entry(version, rows, cols, p);
            }
            return e.packed();
        }
    }
}
