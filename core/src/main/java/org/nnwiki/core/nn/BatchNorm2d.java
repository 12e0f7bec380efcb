package org.nnwiki.core.nn;

/**
 * Batch normalization over (N, C, H, W) inputs: each channel normalized over the batch and every
 * position (see {@link BatchNorm}).
 */
public final class BatchNorm2d extends BatchNorm {
    public BatchNorm2d(int channels) {
        super(channels, 4);
    }
}
