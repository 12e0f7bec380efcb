package org.nnwiki.generator.page;

import java.nio.file.Path;

/**
 * One Markdown page as read from {@code content/}.
 *
 * @param source path relative to the repository root, e.g. {@code content/cnn.md} (used in
 *     messages)
 * @param file the absolute file
 * @param outputPath where the page lands inside {@code site/}, e.g. {@code cnn.html}
 * @param front the validated front matter
 * @param markdown the body after the front matter
 * @param bodyLine the 1-based line of the file on which {@code markdown} starts
 */
public record Page(
        String source,
        Path file,
        String outputPath,
        FrontMatter front,
        String markdown,
        int bodyLine) {

    /** The file line of the body's 1-based line {@code bodyLineNumber}. */
    public int fileLine(int bodyLineNumber) {
        return bodyLine + bodyLineNumber - 1;
    }
}
