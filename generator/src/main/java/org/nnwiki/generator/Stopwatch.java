package org.nnwiki.generator;

import java.util.LinkedHashMap;
import java.util.Map;

/** Time per build stage, printed when the system property {@code nnwiki.timings} is set. */
final class Stopwatch {
    private final Map<String, Long> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void lap(String stage) {
        long now = System.nanoTime();
        laps.merge(stage, (now - last) / 1_000_000, Long::sum);
        last = now;
    }

    void report() {
        if (Boolean.getBoolean("nnwiki.timings")) {
            StringBuilder sb = new StringBuilder("nnwiki: stage times (ms):");
            laps.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            System.out.println(sb);
        }
    }
}
