package org.nnwiki.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The core's parallel loops: every index exactly once, nested and concurrent loops, failures. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParallelTest {

    @Test
    void everyIndexRunsExactlyOnceOverManyLoops() {
        for (int n : new int[] {2, 3, 7, 64, 1000, 100_003}) {
            int[] hits = new int[n];
            for (int round = 0; round < 200; round++) {
                Parallel.range(
                        n,
                        1 << 16,
                        (from, to) -> {
                            for (int i = from; i < to; i++) {
                                hits[i]++;
                            }
                        });
            }
            int[] expected = new int[n];
            java.util.Arrays.fill(expected, 200);
            assertArrayEquals(expected, hits, "n = " + n);
        }
    }

    @Test
    void splitCutsTheRangeIntoTheRequestedChunks() {
        List<int[]> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        Parallel.split(10, 4, (from, to) -> seen.add(new int[] {from, to}));
        seen.sort((x, y) -> Integer.compare(x[0], y[0]));
        assertEquals(
                List.of("0-2", "2-5", "5-7", "7-10"),
                seen.stream().map(r -> r[0] + "-" + r[1]).toList());
    }

    @Test
    void aLoopInsideALoopRunsInline() {
        AtomicInteger total = new AtomicInteger();
        Parallel.range(
                8,
                1 << 20,
                (from, to) -> {
                    for (int i = from; i < to; i++) {
                        Parallel.range(100, 1 << 20, (a, b) -> total.addAndGet(b - a));
                    }
                });
        assertEquals(800, total.get());
    }

    @Test
    void loopsFromSeveralThreadsAtOnceAllComplete() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(
                        pool.submit(
                                () -> {
                                    long sum = 0;
                                    for (int round = 0; round < 300; round++) {
                                        long[] parts = new long[16];
                                        Parallel.split(
                                                16_000,
                                                16,
                                                (from, to) ->
                                                        parts[from / 1000] = (long) (to - from));
                                        for (long p : parts) {
                                            sum += p;
                                        }
                                    }
                                    return sum;
                                }));
            }
            for (Future<Long> f : results) {
                assertEquals(300L * 16_000, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingChunkFailsTheLoopAndTheNextLoopStillRuns() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Parallel.split(
                                        100,
                                        8,
                                        (from, to) -> {
                                            if (from == 0) {
                                                throw new IllegalArgumentException(
                                                        "chunk 0 failed");
                                            }
                                        }));
        assertEquals("chunk 0 failed", e.getMessage());
        AtomicInteger covered = new AtomicInteger();
        Parallel.split(100, 8, (from, to) -> covered.addAndGet(to - from));
        assertEquals(100, covered.get());
    }
}
