package org.nnwiki.core.kernel;

/**
 * The one summation order of every reduction in the core (see the package documentation): a sum
 * over contiguous elements keeps {@link #WIDTH} partial sums, element i going into partial {@code i
 * mod WIDTH} in increasing i, and combines them by {@link #tree}. A vector kernel with L lanes
 * holds the partials as WIDTH / L vectors; the plain kernels hold them in an array. Neither the
 * hardware's vector width nor the JIT can change the result.
 */
final class Lanes {
    /** Logical partial sums per reduction: the widest vector the core uses (512 bits of floats). */
    static final int WIDTH = 16;

    private Lanes() {}

    /**
     * The largest multiple of {@link #WIDTH} not above n: the part of a reduction vector loops
     * cover.
     */
    static int whole(int n) {
        return n & -WIDTH;
    }

    /**
     * p[at … at+16) combined in a fixed tree: halves added lane to lane (l + 8, then l + 4, l + 2,
     * l + 1), the order a vector kernel folds its partials in.
     */
    static float tree(float[] p, int at) {
        float s0 = p[at] + p[at + 8],
                s1 = p[at + 1] + p[at + 9],
                s2 = p[at + 2] + p[at + 10],
                s3 = p[at + 3] + p[at + 11];
        float s4 = p[at + 4] + p[at + 12],
                s5 = p[at + 5] + p[at + 13],
                s6 = p[at + 6] + p[at + 14],
                s7 = p[at + 7] + p[at + 15];
        float t0 = s0 + s4, t1 = s1 + s5, t2 = s2 + s6, t3 = s3 + s7;
        return (t0 + t2) + (t1 + t3);
    }
}
