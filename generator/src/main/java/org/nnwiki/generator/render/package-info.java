/**
 * Stage 5, render: turns a parsed page and its block results into the page body's HTML with
 * Flexmark's renderer. Fenced blocks are rendered here (code, printed text, values, charts, tables,
 * errors, each with its own CSS class); links to other pages' {@code .md} files become links to
 * their {@code .html}, and every link and image carries its source line for the link check.
 */
package org.nnwiki.generator.render;
