package org.nnwiki.core.optim;

/** Learning-rate schedules: the rate for a 0-based step, set with {@code opt.setLr(s.at(step))}. */
public final class Schedules {
    private Schedules() {}

    /** A schedule: step → learning rate. */
    @FunctionalInterface
    public interface Schedule {
        double at(int step);
    }

    /** base · γ^⌊step / every⌋. */
    public static Schedule step(double base, int every, double gamma) {
        return s -> base * StrictMath.pow(gamma, s / every);
    }

    /** Cosine annealing from base to min over {@code total} steps. */
    public static Schedule cosine(double base, double min, int total) {
        return s ->
                min
                        + 0.5
                                * (base - min)
                                * (1 + StrictMath.cos(Math.PI * Math.min(s, total) / total));
    }

    /**
     * Linear warm-up from 0 to the inner schedule's rate over {@code warmup} steps, then the inner
     * schedule.
     */
    public static Schedule warmup(int warmup, Schedule then) {
        return s -> s < warmup ? then.at(0) * (s + 1) / warmup : then.at(s - warmup);
    }
}
