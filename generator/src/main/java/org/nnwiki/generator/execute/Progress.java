package org.nnwiki.generator.execute;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How far the execution stage has got: pages done of the pages to run, which are running, the time
 * so far and an estimate of the rest from the last build's run times (each page's stored results
 * say how long it took). {@link BlockExecutor} updates it; listeners show it.
 */
public final class Progress {
    /**
     * One moment of the stage.
     *
     * @param done pages finished
     * @param total pages to run in this build (cached pages are not counted)
     * @param running pages now running, in the order they started
     * @param elapsedMillis since the stage started
     * @param remainingMillis the estimate of what is left; -1 when no page has a recorded time
     * @param finished the page that just finished, or null
     * @param finishedMillis how long it ran
     */
    public record Snapshot(
            int done,
            int total,
            List<String> running,
            long elapsedMillis,
            long remainingMillis,
            String finished,
            long finishedMillis) {
        /** {@code 12/25 pages, 1m 05s, about 2m 10s left; running: a.md, b.md}. */
        public String line() {
            StringBuilder sb =
                    new StringBuilder()
                            .append(done)
                            .append('/')
                            .append(total)
                            .append(" pages, ")
                            .append(duration(elapsedMillis));
            if (remainingMillis >= 0 && done < total) {
                sb.append(", about ").append(duration(remainingMillis)).append(" left");
            }
            if (!running.isEmpty()) {
                sb.append("; running: ").append(String.join(", ", running));
            }
            return sb.toString();
        }
    }

    private final int total;
    private final int parallelism;
    private final Map<String, Long> lastMillis;
    private final Consumer<Snapshot> listener;
    private final long t0 = System.nanoTime();
    private final Map<String, Long> running = new LinkedHashMap<>();
    private int done;
    private long knownLeft;

    /**
     * @param lastMillis each page's run time in the last build (0 when unknown)
     * @param parallelism pages run at once, for the estimate
     */
    Progress(Map<String, Long> lastMillis, int parallelism, Consumer<Snapshot> listener) {
        this.total = lastMillis.size();
        this.parallelism = Math.max(1, parallelism);
        this.lastMillis = Map.copyOf(lastMillis);
        this.listener = listener;
        this.knownLeft = lastMillis.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized void started(String page) {
        running.put(page, System.nanoTime());
        listener.accept(snapshot(null, 0));
    }

    synchronized void finished(String page, long millis) {
        running.remove(page);
        done++;
        knownLeft -= lastMillis.getOrDefault(page, 0L);
        listener.accept(snapshot(page, millis));
    }

    private Snapshot snapshot(String finished, long finishedMillis) {
        long now = System.nanoTime();
        long left = knownLeft;
        for (var e : running.entrySet()) {
            // A running page's remaining time is its recorded time less what it has run so far.
            long ran = (now - e.getValue()) / 1_000_000;
            long last = lastMillis.getOrDefault(e.getKey(), 0L);
            left -= Math.min(last, ran);
        }
        boolean anyKnown = lastMillis.values().stream().anyMatch(v -> v > 0);
        return new Snapshot(
                done,
                total,
                new ArrayList<>(running.keySet()),
                (now - t0) / 1_000_000,
                anyKnown ? Math.max(0, left) / parallelism : -1,
                finished,
                finishedMillis);
    }

    static String duration(long millis) {
        long s = Math.round(millis / 1000.0);
        return s < 60 ? s + " s" : s / 60 + "m " + String.format("%02d", s % 60) + "s";
    }

    /**
     * The console's view: in a terminal, one line rewritten in place; elsewhere (CI logs) a line
     * per finished page.
     */
    public static Consumer<Snapshot> console(PrintStream out, boolean terminal) {
        return new Consumer<>() {
            private int width;

            @Override
            public synchronized void accept(Snapshot s) {
                if (terminal) {
                    String line = "nnwiki: examples " + s.line();
                    line = line.length() > 150 ? line.substring(0, 149) + "…" : line;
                    out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                    width = line.length();
                    if (s.done() == s.total()) {
                        out.print("\r" + " ".repeat(width) + "\r");
                    }
                    out.flush();
                } else if (s.finished() != null) {
                    out.println(
                            "nnwiki: ["
                                    + s.done()
                                    + "/"
                                    + s.total()
                                    + "] "
                                    + s.finished()
                                    + " ran in "
                                    + duration(s.finishedMillis())
                                    + (s.remainingMillis() >= 0 && s.done() < s.total()
                                            ? " (about " + duration(s.remainingMillis()) + " left)"
                                            : ""));
                }
            }
        };
    }
}
