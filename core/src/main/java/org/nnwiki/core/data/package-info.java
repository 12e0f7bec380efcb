/**
 * Data helpers for training loops: seeded mini-batches, train/test splits, one-hot encoding and the
 * IDX file format of (Fashion-)MNIST.
 */
package org.nnwiki.core.data;
