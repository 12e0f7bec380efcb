package org.nnwiki.core;

import java.util.SplittableRandom;

/**
 * The core's random numbers: one seeded generator for the whole program (like {@code
 * torch.manual_seed}), so that a page that sets the seed prints the same numbers every build.
 *
 * <pre>{@code
 * Rng.manualSeed(42);
 * Tensor w = Tensor.randn(3, 4);
 * }</pre>
 */
public final class Rng {
    private static SplittableRandom global = new SplittableRandom(0);

    private final SplittableRandom random;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An independent generator, for code that wants its own stream. */
    public static Rng seeded(long seed) {
        return new Rng(seed);
    }

    /** Resets the global generator. */
    public static synchronized void manualSeed(long seed) {
        global = new SplittableRandom(seed);
    }

    static synchronized double globalDouble() {
        return global.nextDouble();
    }

    /** A standard normal sample (Box–Muller on the global generator). */
    static synchronized double globalGaussian() {
        return gaussian(global);
    }

    public double uniform() {
        return random.nextDouble();
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public double gaussian() {
        return gaussian(random);
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * StrictMath.log1p(-u1))
                * StrictMath.cos(2 * Math.PI * u2); // StrictMath: the same bits on every JVM
    }
}
