package org.nnwiki.core.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a loop over [0, n) into chunks run by the calling thread and a few helper threads when
 * there is enough work to pay for it; below {@link #MIN_WORK} elements it runs inline.
 *
 * <pre>{@code
 * Parallel.range(rows, rowLength, (from, to) -> { for (int r = from; r < to; r++) ... });
 * }</pre>
 *
 * <p>The helpers are the core's own, not the common fork-join pool: a training step runs hundreds
 * of parallel loops of 20–200 µs each, and a parked fork-join worker takes tens of microseconds to
 * wake, so with the common pool such a loop ran no faster on two cores than on one. Helpers here
 * wait for the next loop by spinning briefly, then yielding, and only then park. A loop started
 * while another one runs (from inside a chunk, or from a second thread) runs inline on its caller.
 */
public final class Parallel {
    /** Elements of work below which threads cost more than they save. */
    public static final long MIN_WORK = 1L << 16;

    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    /** How long an idle helper spins, then yields, before it parks. */
    private static final long SPIN_NANOS = 20_000;

    private static final long YIELD_NANOS = 200_000;

    /** A body over a half-open range of indices. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    /** One parallel loop: chunks are claimed from {@code next} by whoever is free. */
    private static final class Job {
        final long id;
        final int chunks;
        final int n;
        final Body body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(long id, int n, int chunks, Body body) {
            this.id = id;
            this.n = n;
            this.chunks = chunks;
            this.body = body;
        }

        /** Runs chunks until none is left. */
        void work() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    private static final AtomicBoolean BUSY = new AtomicBoolean();

    /** The running loop, or null; a helper remembers the id of the last one it joined. */
    private static volatile Job current;

    private static long jobs;
    private static final Helper[] HELPERS = startHelpers();

    private Parallel() {}

    /** A helper thread: runs the chunks of each new job, waiting in between. */
    private static final class Helper extends Thread {
        volatile boolean parked;

        Helper(int i) {
            super("nnwiki-parallel-" + i);
            setDaemon(true);
        }

        @Override
        public void run() {
            long last = 0;
            while (true) {
                Job job = awaitNewJob(last);
                last = job.id;
                job.work();
            }
        }

        private Job awaitNewJob(long last) {
            long start = System.nanoTime();
            while (true) {
                Job job = current;
                if (job != null && job.id != last) {
                    return job;
                }
                long waited = System.nanoTime() - start;
                if (waited < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else if (waited < YIELD_NANOS) {
                    Thread.yield();
                } else {
                    parked = true;
                    job = current;
                    if (job == null || job.id == last) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    start = System.nanoTime();
                }
            }
        }
    }

    private static Helper[] startHelpers() {
        Helper[] helpers = new Helper[Math.max(0, THREADS - 1)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(i + 1);
            helpers[i].start();
        }
        return helpers;
    }

    /**
     * Runs {@code body} over [0, n); {@code costPerIndex} (elements touched per index) decides
     * whether to split. Bodies must write disjoint memory for disjoint ranges.
     */
    public static void range(int n, long costPerIndex, Body body) {
        if (THREADS == 1 || n < 2 || (long) n * costPerIndex < MIN_WORK) {
            body.run(0, n);
            return;
        }
        split(n, Math.min(n, THREADS * 4), body);
    }

    /**
     * Runs {@code body} over [0, n) cut into exactly {@code chunks} near-equal ranges (chunk c is
     * [n·c/chunks, n·(c+1)/chunks)), spread over the threads; inline when there is one thread or
     * the helpers are busy.
     */
    public static void split(int n, int chunks, Body body) {
        if (chunks <= 1 || HELPERS.length == 0 || !BUSY.compareAndSet(false, true)) {
            for (int c = 0; c < chunks; c++) {
                body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
            }
            return;
        }
        Job job = new Job(++jobs, n, chunks, body);
        try {
            current = job;
            for (Helper h : HELPERS) {
                if (h.parked) {
                    LockSupport.unpark(h);
                }
            }
            job.work();
            for (int spins = 0; job.done.get() < chunks; spins++) {
                // The last chunks are running on helpers: spin, or let them have this core.
                if (spins < 1000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        } finally {
            current = null; // do not keep the body (and the arrays it holds) alive
            BUSY.set(false);
        }
        Throwable failure = job.failure;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
