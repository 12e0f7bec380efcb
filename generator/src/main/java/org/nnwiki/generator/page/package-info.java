/**
 * Stage 1, scan: finds the Markdown pages under {@code content/} and reads their YAML front matter
 * into {@link org.nnwiki.generator.page.Page}s. Every header problem (missing, malformed, unknown
 * key, non-numeric order, duplicate output path) becomes a {@code file:line} problem, never a
 * silent skip. Knows nothing about code blocks or HTML.
 */
package org.nnwiki.generator.page;
