package org.nnwiki.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every {@link Problem} of a build, from any stage and any thread, so that the build can
 * report all of them together at the end instead of stopping at the first.
 */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    /**
     * Adds the problem; one already reported in the same words at the same place is not listed
     * again.
     */
    public synchronized void add(Problem problem) {
        if (!list.contains(problem)) {
            list.add(problem);
        }
    }

    public void add(String file, int line, String message) {
        add(Problem.at(file, line, message));
    }

    public synchronized int count() {
        return list.size();
    }

    public synchronized boolean isEmpty() {
        return list.isEmpty();
    }

    /** All problems so far, sorted by file and line so the report reads top to bottom. */
    public synchronized List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return List.copyOf(copy);
    }
}
