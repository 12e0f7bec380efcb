/**
 * The compute core's benchmark (run by {@code bench/run}): sgemm and five training steps, with
 * warm-up and medians, printed as tab-separated lines that {@code bench/compare.py} sets against
 * the same workloads in numpy and PyTorch.
 */
package org.nnwiki.examples.bench;
