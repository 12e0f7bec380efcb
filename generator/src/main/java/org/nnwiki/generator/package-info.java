/**
 * The nnwiki site generator: turns {@code content/} into {@code site/}, running every example
 * block.
 *
 * <p>{@link org.nnwiki.generator.SiteBuild#build} is the recipe: it lists the stages in order. Each
 * stage lives in its own package and returns its own type. This package holds the recipe, the
 * configuration and the error collector; it knows nothing about neural networks and never imports
 * the examples module (the examples reach the generator only as a class path for JShell sessions).
 */
package org.nnwiki.generator;
