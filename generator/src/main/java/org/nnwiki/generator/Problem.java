package org.nnwiki.generator;

/**
 * One thing wrong with the input, reported as {@code file:line: message} and, for example failures,
 * followed by an excerpt of the code.
 *
 * @param file the file, relative to the repository root ({@code content/cnn.md})
 * @param line the 1-based line in that file, or 0 when no line applies
 * @param message what happened and, where possible, what to do
 * @param excerpt lines of code to print under the message, or an empty string
 */
public record Problem(String file, int line, String message, String excerpt) {

    public Problem {
        excerpt = excerpt == null ? "" : excerpt;
    }

    public static Problem at(String file, int line, String message) {
        return new Problem(file, line, message, "");
    }

    /** The location as {@code file:line} (or just the file when there is no line). */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }

    @Override
    public String toString() {
        String head = location() + ": " + message;
        return excerpt.isEmpty() ? head : head + "\n" + excerpt.stripTrailing();
    }
}
