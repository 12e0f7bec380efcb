/**
 * Stage 7, post-process: reads the baked HTML with Jsoup, fills each page's table of contents from
 * its headings, labels charts for screen readers, checks every internal link and {@code #anchor}
 * (reporting the page-file line the link came from), and writes the pages back. Jsoup is imported
 * here only.
 */
package org.nnwiki.generator.postprocess;
