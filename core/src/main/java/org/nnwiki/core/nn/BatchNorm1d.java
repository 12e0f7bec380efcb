package org.nnwiki.core.nn;

/**
 * Batch normalization over (N, C) inputs: each of the C features normalized over the batch (see
 * {@link BatchNorm}).
 */
public final class BatchNorm1d extends BatchNorm {
    public BatchNorm1d(int channels) {
        super(channels, 2);
    }
}
