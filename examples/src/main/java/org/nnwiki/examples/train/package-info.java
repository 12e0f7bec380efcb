/**
 * The training loop the wiki's classification pages share ({@code Fit.classifier}: shuffled
 * mini-batches, one optimizer step each, test accuracy after every epoch) and evaluation in batches
 * without a graph. Pages include its {@code epoch} region, so the loop they show is the loop they
 * run. Uses only the compute core's public API; it must not print, draw or read files.
 */
package org.nnwiki.examples.train;
