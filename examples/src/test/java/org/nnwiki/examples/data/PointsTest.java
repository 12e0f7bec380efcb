package org.nnwiki.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PointsTest {

    @Test
    void moonsAreSeededShuffledAndBalanced() {
        Points a = Points.moons(200, 0.1, 3);
        Points b = Points.moons(200, 0.1, 3);
        assertEquals(200, a.size());
        assertArrayEquals(a.labels(), b.labels(), "the same seed gives the same points");
        assertEquals(100, Arrays.stream(a.labels()).sum(), "half of each class");
        int switches = 0;
        for (int i = 1; i < a.size(); i++) {
            switches += a.labels()[i] != a.labels()[i - 1] ? 1 : 0;
        }
        assertTrue(switches > 60, "classes are mixed, not sorted (" + switches + " switches)");
        assertEquals(200 * 2, a.x().numel());
    }

    @Test
    void splitKeepsEveryPointOnce() {
        Points.Split s = Points.moons(100, 0.1, 1).split(0.25, 2);
        assertEquals(75, s.train().size());
        assertEquals(25, s.test().size());
    }

    @Test
    void logisticRegressionIsALinearBaseline() {
        Points.Split s = Points.moons(400, 0.1, 1).split(0.25, 2);
        TribuoBaseline lr = TribuoBaseline.logisticRegression(s.train().xy(), s.train().labels());
        double acc = lr.accuracy(s.test().xy(), s.test().labels());
        // A straight line separates most of two moons, but not all of it.
        assertTrue(acc > 0.75 && acc < 0.95, "logistic regression accuracy " + acc);
    }

    @Test
    void circlesAreBalancedAndNotLinearlySeparable() {
        Points.Split s = Points.circles(400, 0.5, 1).split(0.25, 2);
        int ones = Arrays.stream(s.train().labels()).sum() + Arrays.stream(s.test().labels()).sum();
        assertTrue(ones > 150 && ones < 250, "about half of each class: " + ones);
        double acc =
                TribuoBaseline.logisticRegression(s.train().xy(), s.train().labels())
                        .accuracy(s.test().xy(), s.test().labels());
        assertTrue(acc < 0.75, "a straight line cannot separate a disc from its ring: " + acc);
    }
}
