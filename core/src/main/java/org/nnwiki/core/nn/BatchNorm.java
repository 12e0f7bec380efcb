package org.nnwiki.core.nn;

import org.nnwiki.core.Tensor;

/**
 * Batch normalization (Ioffe and Szegedy 2015), per channel C: {@link BatchNorm1d} over (N, C)
 * inputs, {@link BatchNorm2d} over (N, C, H, W). Training mode normalizes with the batch's
 * statistics and updates running ones (momentum 0.1, the running variance unbiased, as in PyTorch);
 * evaluation mode uses the running statistics.
 */
public abstract sealed class BatchNorm extends Layer permits BatchNorm1d, BatchNorm2d {
    public final Tensor gamma;
    public final Tensor beta;
    private final float[] runningMean;
    private final float[] runningVar;
    private final float eps = 1e-5f;
    private final float momentum = 0.1f;
    private final int channels;
    private final int rank;

    BatchNorm(int channels, int rank) {
        this.channels = channels;
        this.rank = rank;
        this.gamma = param("weight", Tensor.ones(channels));
        this.beta = param("bias", Tensor.zeros(channels));
        this.runningMean = new float[channels];
        this.runningVar = new float[channels];
        java.util.Arrays.fill(runningVar, 1f);
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] shape = x.shape();
        if (shape.length != rank || shape[1] != channels) {
            throw new IllegalArgumentException(
                    this
                            + ": expected "
                            + (rank == 2 ? "(N, " + channels + ")" : "(N, " + channels + ", H, W)")
                            + ", got "
                            + java.util.Arrays.toString(shape));
        }
        boolean image = rank == 4;
        Tensor cols =
                image ? x.permute(1, 0, 2, 3).reshape(channels, -1) : x.transpose(0, 1); // (C, M)
        Tensor mean;
        Tensor var;
        if (isTraining()) {
            mean = cols.mean(1, true); // (C, 1)
            var = cols.sub(mean).pow(2).mean(1, true); // (C, 1), biased for normalizing
            int m = cols.size(1);
            for (int c = 0; c < channels; c++) {
                runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mean.get(c, 0);
                runningVar[c] =
                        (1 - momentum) * runningVar[c]
                                + momentum * var.get(c, 0) * m / Math.max(1, m - 1);
            }
        } else {
            mean = Tensor.of(runningMean.clone(), channels, 1);
            var = Tensor.of(runningVar.clone(), channels, 1);
        }
        Tensor normed =
                cols.sub(mean)
                        .div(var.add(eps).sqrt())
                        .mul(gamma.reshape(channels, 1))
                        .add(beta.reshape(channels, 1)); // (C, M)
        if (image) {
            return normed.reshape(channels, shape[0], shape[2], shape[3]).permute(1, 0, 2, 3);
        }
        return normed.transpose(0, 1);
    }

    public float[] runningMean() {
        return runningMean.clone();
    }

    public float[] runningVar() {
        return runningVar.clone();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + channels + ")";
    }
}
