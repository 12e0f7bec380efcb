/**
 * The display API that wiki pages call: {@link org.nnwiki.display.Display#show(Object)} and the
 * chart types (line, scatter with decision regions, heatmap, image grid, bar, histogram) and
 * tables. Charts are drawn by JFreeChart and written as SVG by JFreeSVG, with text and axes in
 * {@code currentColor} so they read in light and dark themes.
 *
 * <p>Output reaches the generator through standard output in one wire format: a line {@code U+001E
 * "nn-display " KIND " " BASE64(UTF-8 payload)} with KIND {@code svg}, {@code table} (tab-separated
 * rows, header first) or {@code value}. This package must not depend on the generator.
 */
package org.nnwiki.display;
