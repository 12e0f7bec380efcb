package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemsTest {
    @Test
    void aProblemReportedTwiceIsListedOnce() {
        // A --fix build checks the pages twice (before and after rewriting them): each problem
        // still appears once.
        Problems p = new Problems();
        p.add("content/b.md", 3, "example failed");
        p.add("content/a.md", 9, "unknown section");
        p.add("content/b.md", 3, "example failed");
        p.add("content/b.md", 3, "another problem on the same line");
        assertEquals(3, p.count());
        assertEquals("content/a.md:9", p.sorted().get(0).location());
    }
}
