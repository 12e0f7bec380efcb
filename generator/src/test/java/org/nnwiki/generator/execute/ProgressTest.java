package org.nnwiki.generator.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The execution stage's progress: counts, running pages, the estimate, and the two console forms.
 */
class ProgressTest {
    @Test
    void countsPagesAndEstimatesFromTheLastRun() {
        Map<String, Long> last = new LinkedHashMap<>();
        last.put("a.md", 40_000L);
        last.put("b.md", 20_000L);
        last.put("c.md", 0L); // never ran before: no estimate of its own
        List<Progress.Snapshot> seen = new ArrayList<>();
        Progress p = new Progress(last, 2, seen::add);
        p.started("a.md");
        p.started("b.md");
        Progress.Snapshot two = seen.get(1);
        assertEquals(List.of("a.md", "b.md"), two.running());
        assertEquals(0, two.done());
        assertEquals(3, two.total());
        // 60 s of recorded work left over two slots, less the moment a and b have run.
        assertTrue(
                two.remainingMillis() > 29_000 && two.remainingMillis() <= 30_000,
                "estimate " + two.remainingMillis());
        p.finished("b.md", 19_000);
        Progress.Snapshot after = seen.get(2);
        assertEquals(1, after.done());
        assertEquals("b.md", after.finished());
        assertEquals(List.of("a.md"), after.running());
        assertTrue(
                after.remainingMillis() <= 20_000,
                "b's time no longer counts: " + after.remainingMillis());
        assertTrue(after.line().startsWith("1/3 pages, 0 s, about "), after.line());
        assertTrue(after.line().endsWith("left; running: a.md"), after.line());
    }

    @Test
    void noRecordedTimesMeansNoEstimate() {
        List<Progress.Snapshot> seen = new ArrayList<>();
        Progress p = new Progress(Map.of("a.md", 0L), 1, seen::add);
        p.started("a.md");
        assertEquals(-1, seen.get(0).remainingMillis());
        assertEquals("0/1 pages, 0 s; running: a.md", seen.get(0).line());
    }

    @Test
    void ciLogsGetALinePerFinishedPageAndTerminalsOneLiveLine() {
        ByteArrayOutputStream ci = new ByteArrayOutputStream();
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        for (boolean terminal : new boolean[] {false, true}) {
            PrintStream out = new PrintStream(terminal ? tty : ci, true, StandardCharsets.UTF_8);
            Progress p =
                    new Progress(
                            Map.of("a.md", 0L, "b.md", 0L), 2, Progress.console(out, terminal));
            p.started("a.md");
            p.started("b.md");
            p.finished("a.md", 1_500);
            p.finished("b.md", 61_000);
        }
        assertEquals(
                "nnwiki: [1/2] a.md ran in 2 s\nnnwiki: [2/2] b.md ran in 1m 01s\n",
                ci.toString(StandardCharsets.UTF_8));
        String live = tty.toString(StandardCharsets.UTF_8);
        assertTrue(!live.contains("\n"), "a terminal gets one line, rewritten in place");
        assertTrue(live.contains("\rnnwiki: examples 1/2 pages"), live);
        assertTrue(live.endsWith("\r"), "the line is cleared at the end");
    }

    @Test
    void durations() {
        assertEquals("0 s", Progress.duration(400));
        assertEquals("59 s", Progress.duration(59_000));
        assertEquals("2m 05s", Progress.duration(125_000));
    }
}
