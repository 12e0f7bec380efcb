package org.nnwiki.generator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link SiteBuild#build} when the input had problems; {@code site/} was left untouched.
 */
public final class BuildFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public BuildFailedException(List<Problem> problems) {
        super(
                problems.size()
                        + " problem(s):\n"
                        + problems.stream()
                                .map(Problem::toString)
                                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
