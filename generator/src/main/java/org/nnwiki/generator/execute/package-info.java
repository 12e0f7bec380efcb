/**
 * Stage 4, execute: runs every page's {@code run} blocks in JShell sessions (one separate JVM per
 * session, pages in parallel), checks {@code expect=error} and {@code expected} blocks, and caches
 * each page's results. Returns data ({@link org.nnwiki.generator.execute.BlockResult}), never HTML.
 *
 * <p>The only library imported here is the JDK's {@code jdk.jshell}. Example code talks back through
 * one wire format on standard output, written by the examples module's display API: a line
 * {@code U+001E "nn-display " KIND " " BASE64(UTF-8 payload)} where KIND is {@code value} (a
 * block's last value as text), {@code svg} (a chart) or {@code table} (tab-separated rows, the first
 * row the header). Everything else printed is plain text.
 */
package org.nnwiki.generator.execute;
