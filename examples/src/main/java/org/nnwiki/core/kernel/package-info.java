/**
 * The core's heavy loops on plain {@code float[]} arrays: matrix multiplication (with the JDK Vector
 * API when {@code jdk.incubator.vector} is present, plain Java otherwise), multi-threaded for large
 * sizes. Knows nothing about tensors' shapes or gradients.
 */
package org.nnwiki.core.kernel;
