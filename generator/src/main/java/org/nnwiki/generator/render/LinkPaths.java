package org.nnwiki.generator.render;

import java.nio.file.Path;

/** Path arithmetic for links between pages (always forward slashes, always relative). */
final class LinkPaths {
    private LinkPaths() {}

    /** The source path {@code link} points to from the page at {@code fromSource}. */
    static String resolve(String fromSource, String link) {
        Path base = Path.of(fromSource).getParent();
        Path p = base == null ? Path.of(link) : base.resolve(link);
        return p.normalize().toString().replace('\\', '/');
    }

    /** A relative URL from the page at output path {@code from} to output path {@code to}. */
    static String relative(String from, String to) {
        Path fromDir = Path.of(from).getParent();
        if (fromDir == null) {
            return to;
        }
        return fromDir.relativize(Path.of(to)).toString().replace('\\', '/');
    }
}
