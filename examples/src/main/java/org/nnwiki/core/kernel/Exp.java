package org.nnwiki.core.kernel;

/**
 * e^x over arrays: the Vector API's vectorized exponential when {@code jdk.incubator.vector} is
 * present (on x86 the JDK backs it with vector math routines), {@link Math#exp} otherwise. Softmax,
 * sigmoid, tanh and GELU spend most of their time here.
 */
public final class Exp {
    /** The contract of an implementation: dst[i] = e^src[i] for i in [0, n). */
    interface Impl {
        void exp(float[] src, int srcOff, float[] dst, int dstOff, int n);
    }

    private static final Impl IMPL = load();

    private Exp() {}

    private static Impl load() {
        return Implementations.vectorOr(Impl.class, "VectorExp", (src, srcOff, dst, dstOff, n) -> {
            for (int i = 0; i < n; i++) {
                dst[dstOff + i] = (float) Math.exp(src[srcOff + i]);
            }
        });
    }

    /** dst[i] = e^src[i] for the first n elements (src and dst may be the same array). */
    public static void exp(float[] src, float[] dst, int n) {
        IMPL.exp(src, 0, dst, 0, n);
    }

    /** dst[dstOff + i] = e^src[srcOff + i] for i in [0, n). */
    public static void exp(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        IMPL.exp(src, srcOff, dst, dstOff, n);
    }
}
