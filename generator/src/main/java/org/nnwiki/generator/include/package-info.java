/**
 * Stage 2, expand includes: replaces the body of every {@code include=PATH#REGION} fence with the
 * lines between {@code // region REGION} and {@code // endregion} in PATH, and keeps a line map so
 * that later stages still report lines of the page file. Works on text; knows no Markdown library.
 */
package org.nnwiki.generator.include;
