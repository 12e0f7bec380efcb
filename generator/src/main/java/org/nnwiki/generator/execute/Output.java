package org.nnwiki.generator.execute;

import java.io.Serializable;
import java.util.List;

/** One thing a block showed, in the order it showed it. */
public sealed interface Output extends Serializable {

    /** Printed text (standard output and standard error). */
    record Text(String text) implements Output {}

    /** The value of the block's last expression, as text. */
    record Value(String text) implements Output {}

    /** A chart or image as an SVG document. */
    record Svg(String svg) implements Output {}

    /** A table: the first row is the header. */
    record Table(List<List<String>> rows) implements Output {}

    /** A remark by the generator, such as "output truncated". */
    record Note(String text) implements Output {}
}
