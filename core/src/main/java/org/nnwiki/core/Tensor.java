package org.nnwiki.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A float32 tensor with reverse-mode automatic differentiation, named like PyTorch's.
 *
 * <pre>{@code
 * Tensor w = Tensor.randn(3, 2).requiresGrad();      // (3, 2)
 * Tensor x = Tensor.of(new float[] {1, 2, 3}, 1, 3);  // (1, 3)
 * Tensor loss = x.matmul(w).tanh().sum();             // ()
 * loss.backward();
 * w.grad();                                            // dloss/dw, (3, 2)
 * }</pre>
 *
 * <p>Data is stored contiguously in row-major order. {@link #reshape} shares the data; transposes,
 * permutes and slices copy (a shortcut: strided views would save memory but complicate every
 * kernel). Every operation records, when gradients are enabled and an input requires them, how to
 * send a gradient back to its inputs; {@link #backward()} replays those records in reverse
 * topological order.
 */
public final class Tensor {
    /** How an operation sends the gradient of its output back to its inputs. */
    @FunctionalInterface
    interface Backward {
        void apply(float[] gradOut);
    }

    private static final ThreadLocal<int[]> NO_GRAD_DEPTH =
            ThreadLocal.withInitial(() -> new int[1]);

    final float[] data;
    final int[] shape;
    float[] grad;
    private boolean requiresGrad;
    private boolean retainGrad;
    private Tensor[] inputs;
    private Backward backward;
    private String op = "leaf";

    /**
     * Counts in-place changes of {@link #data}, so that the kernels' cached packings of it know
     * when they are stale.
     */
    int version;

    Tensor(float[] data, int[] shape) {
        if (data.length != Shapes.size(shape)) {
            throw new IllegalArgumentException(
                    "Tensor: " + data.length + " values do not fill shape " + Shapes.str(shape));
        }
        this.data = data;
        this.shape = shape.clone();
    }

    // ---- creation -------------------------------------------------------------------------

    /**
     * A tensor holding {@code data} (not copied) in the given shape. Treat the array as handed
     * over: change values through {@link #set} so that cached packings of a weight see the change.
     */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(data, shape);
    }

    /** A 1-D tensor of the given values. */
    public static Tensor vector(float... values) {
        return new Tensor(values.clone(), new int[] {values.length});
    }

    /** A 2-D tensor from rows of equal length. */
    public static Tensor matrix(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] d = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException(
                        "Tensor.matrix: row "
                                + i
                                + " has "
                                + rows[i].length
                                + " values, row 0 has "
                                + cols);
            }
            System.arraycopy(rows[i], 0, d, i * cols, cols);
        }
        return new Tensor(d, new int[] {rows.length, cols});
    }

    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[0]);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[Shapes.size(shape)], shape);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shapes.size(shape)];
        java.util.Arrays.fill(d, value);
        return new Tensor(d, shape);
    }

    /** 0, 1, …, n-1. */
    public static Tensor arange(int n) {
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = i;
        }
        return new Tensor(d, new int[] {n});
    }

    /** Standard normal samples from the global seeded generator ({@link Rng#manualSeed}). */
    public static Tensor randn(int... shape) {
        float[] d = new float[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Rng.globalGaussian();
        }
        return new Tensor(d, shape);
    }

    /** Uniform samples in [lo, hi) from the global seeded generator. */
    public static Tensor uniform(float lo, float hi, int... shape) {
        float[] d = new float[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (lo + (hi - lo) * Rng.globalDouble());
        }
        return new Tensor(d, shape);
    }

    // ---- reading --------------------------------------------------------------------------

    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code axis} (negative counts from the end). */
    public int size(int axis) {
        return shape[Shapes.axis(axis, shape.length, "size")];
    }

    public int dim() {
        return shape.length;
    }

    /** Number of elements. */
    public int numel() {
        return data.length;
    }

    /** The value of a one-element tensor. */
    public float item() {
        if (data.length != 1) {
            throw new IllegalStateException(
                    "item: the tensor has "
                            + data.length
                            + " elements, shape "
                            + Shapes.str(shape));
        }
        return data[0];
    }

    /** The element at a full index. */
    public float get(int... index) {
        return data[offset(index)];
    }

    /**
     * Replaces every value, in place, by {@code values} (row-major, as many as this tensor has
     * elements): for setting parameters by hand, as PyTorch's {@code with torch.no_grad():
     * p.copy_(v)}. The gradient and the tensor's place in a graph are unchanged; cached packings of
     * the old values are dropped.
     */
    public Tensor assign(float[] values) {
        if (values.length != data.length) {
            throw new IllegalArgumentException(
                    "assign: "
                            + values.length
                            + " values for a tensor of shape "
                            + Shapes.str(shape)
                            + " ("
                            + data.length
                            + " elements)");
        }
        System.arraycopy(values, 0, data, 0, data.length);
        version++;
        return this;
    }

    /** Sets an element in place (outside any gradient computation: use it to build inputs). */
    public void set(float value, int... index) {
        data[offset(index)] = value;
        version++;
    }

    /**
     * This 2-D tensor packed as the right operand of a matrix product, transposed or not, from the
     * kernels' cache ({@link org.nnwiki.core.kernel.PackCache}) until the data changes.
     */
    org.nnwiki.core.kernel.Gemm.Packed packed(boolean transposed) {
        return org.nnwiki.core.kernel.PackCache.packed(
                data, version, transposed, shape[0], shape[1]);
    }

    private int offset(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(
                    "get: " + index.length + " indices for a tensor of shape " + Shapes.str(shape));
        }
        int off = 0;
        int[] st = Shapes.strides(shape);
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException(
                        "index "
                                + index[i]
                                + " out of range for axis "
                                + i
                                + " of size "
                                + shape[i]);
            }
            off += index[i] * st[i];
        }
        return off;
    }

    /** A copy of the values in row-major order. */
    public float[] toArray() {
        return data.clone();
    }

    /** The values of a 2-D tensor as rows. */
    public float[][] toMatrix() {
        if (shape.length != 2) {
            throw new IllegalStateException(
                    "toMatrix: needs a 2-D tensor, shape is " + Shapes.str(shape));
        }
        float[][] m = new float[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            System.arraycopy(data, i * shape[1], m[i], 0, shape[1]);
        }
        return m;
    }

    // ---- autograd -------------------------------------------------------------------------

    /**
     * Marks a leaf tensor as a parameter whose gradient {@link #backward()} computes; returns this.
     */
    public Tensor requiresGrad() {
        if (inputs != null) {
            throw new IllegalStateException(
                    "requiresGrad: only leaf tensors (not results of operations) can be marked");
        }
        requiresGrad = true;
        return this;
    }

    public boolean isRequiringGrad() {
        return requiresGrad;
    }

    /** Keeps this intermediate result's gradient after backward (leaves always keep theirs). */
    public Tensor retainGrad() {
        retainGrad = true;
        return this;
    }

    /** The gradient accumulated by {@link #backward()}, or null when there is none. */
    public Tensor grad() {
        return grad == null ? null : new Tensor(grad.clone(), shape);
    }

    /** Clears the gradient (optimizers call this through {@code zeroGrad()}). */
    public void zeroGrad() {
        grad = null;
    }

    /** The same values, cut off from the graph: no gradient flows through the result. */
    public Tensor detach() {
        return new Tensor(data, shape);
    }

    /** The name of the operation that produced this tensor ("leaf" for inputs and parameters). */
    public String op() {
        return op;
    }

    /**
     * The tensors this one was computed from, as the graph recorded them: empty for a leaf, for a
     * result computed without any input that takes a gradient (or under {@link #noGrad()}), and
     * after {@link #backward()}, which frees the graph. Diagrams of the graph read it.
     */
    public List<Tensor> inputs() {
        if (inputs == null) {
            return List.of();
        }
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : inputs) {
            if (t != null) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * True when no operation was recorded for this tensor: an input, a parameter, a constant, or a
     * freed graph.
     */
    boolean isLeaf() {
        return inputs == null;
    }

    /** The recorded inputs (entries may be null), or an empty array for a leaf. */
    Tensor[] recordedInputs() {
        return inputs == null ? new Tensor[0] : inputs;
    }

    /** The recorded backward step (a lambda whose fields are what it saved), or null. */
    Object recordedBackward() {
        return backward;
    }

    /**
     * Disables graph recording until the returned handle is closed, for evaluation and parameter
     * updates: {@code try (var off = Tensor.noGrad()) { ... }}.
     */
    public static NoGrad noGrad() {
        NO_GRAD_DEPTH.get()[0]++;
        return new NoGradScope();
    }

    /**
     * The handle {@link #noGrad()} returns; closing it throws nothing, so no caller catches an
     * exception.
     */
    public interface NoGrad extends AutoCloseable {
        @Override
        void close();
    }

    private static final class NoGradScope implements NoGrad {
        private boolean closed;

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                NO_GRAD_DEPTH.get()[0]--;
            }
        }
    }

    static boolean gradEnabled() {
        return NO_GRAD_DEPTH.get()[0] == 0;
    }

    /** The result of an operation: records its backward pass if any input needs a gradient. */
    static Tensor result(
            String op, float[] data, int[] shape, Backward backward, Tensor... inputs) {
        Tensor out = new Tensor(data, shape);
        out.op = op;
        if (gradEnabled()) {
            for (Tensor in : inputs) {
                if (in != null && in.requiresGrad) {
                    out.requiresGrad = true;
                    out.inputs = inputs;
                    out.backward = backward;
                    break;
                }
            }
        }
        return out;
    }

    /** Adds {@code g} (shaped like this tensor) to the gradient, if this tensor takes one. */
    void addGrad(float[] g) {
        if (!requiresGrad) {
            return;
        }
        if (grad == null) {
            grad = new float[data.length];
        }
        for (int i = 0; i < g.length; i++) {
            grad[i] += g[i];
        }
    }

    /**
     * Adds a freshly allocated gradient array that the caller will not touch again: when this
     * tensor has no gradient yet the array is adopted instead of copied (most backward passes
     * allocate one).
     */
    void addFreshGrad(float[] g) {
        if (!requiresGrad) {
            return;
        }
        if (grad == null && g.length == data.length) {
            grad = g;
            return;
        }
        addGrad(g);
    }

    /**
     * The gradient array to accumulate into in place (allocated on first use), or null if none is
     * needed.
     */
    float[] gradBuffer() {
        if (!requiresGrad) {
            return null;
        }
        if (grad == null) {
            grad = new float[data.length];
        }
        return grad;
    }

    /** Back-propagates from this scalar: d(this)/d(leaf) accumulates into every leaf's gradient. */
    public void backward() {
        if (data.length != 1) {
            throw new IllegalStateException(
                    "backward: needs a scalar (one element), shape is "
                            + Shapes.str(shape)
                            + "; reduce it first, e.g. loss.mean()");
        }
        backward(new float[] {1f});
    }

    /** Back-propagates a given output gradient (shaped like this tensor). */
    public void backward(float[] gradOut) {
        if (!requiresGrad) {
            throw new IllegalStateException(
                    "backward: nothing here requires a gradient (mark parameters with requiresGrad())");
        }
        List<Tensor> order = topologicalOrder();
        addGrad(gradOut);
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            if (t.backward != null && t.grad != null) {
                t.backward.apply(t.grad);
            }
        }
        // Like PyTorch: the graph is freed, and intermediate gradients are kept only when asked
        // for.
        for (Tensor t : order) {
            if (t.inputs != null) {
                if (!t.retainGrad && t != this) {
                    t.grad = null;
                }
                t.inputs = null;
                t.backward = null;
            }
        }
    }

    /** Tensors reachable from this one, each after all tensors it was computed from. */
    private List<Tensor> topologicalOrder() {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {this, 0});
        seen.add(this);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Tensor[] ins = t.inputs == null ? new Tensor[0] : t.inputs;
            if (next < ins.length) {
                frame[1] = next + 1;
                Tensor in = ins[next];
                if (in != null && in.requiresGrad && seen.add(in)) {
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }

    // ---- operations (defined with their gradients in the op classes) ------------------------

    public Tensor add(Tensor o) {
        return Elementwise.add(this, o);
    }

    public Tensor sub(Tensor o) {
        return Elementwise.sub(this, o);
    }

    public Tensor mul(Tensor o) {
        return Elementwise.mul(this, o);
    }

    public Tensor div(Tensor o) {
        return Elementwise.div(this, o);
    }

    public Tensor add(float c) {
        return Elementwise.addScalar(this, c);
    }

    public Tensor mul(float c) {
        return Elementwise.mulScalar(this, c);
    }

    public Tensor sub(float c) {
        return Elementwise.addScalar(this, -c);
    }

    public Tensor div(float c) {
        return Elementwise.mulScalar(this, 1f / c);
    }

    public Tensor neg() {
        return Elementwise.mulScalar(this, -1f);
    }

    public Tensor pow(float p) {
        return Elementwise.pow(this, p);
    }

    public Tensor exp() {
        return Elementwise.exp(this);
    }

    public Tensor log() {
        return Elementwise.log(this);
    }

    public Tensor sqrt() {
        return Elementwise.sqrt(this);
    }

    public Tensor tanh() {
        return Elementwise.tanh(this);
    }

    public Tensor sigmoid() {
        return Elementwise.sigmoid(this);
    }

    public Tensor relu() {
        return Elementwise.leakyRelu(this, 0f);
    }

    public Tensor leakyRelu(float slope) {
        return Elementwise.leakyRelu(this, slope);
    }

    public Tensor gelu() {
        return Elementwise.gelu(this);
    }

    /** Where {@code mask} (broadcast to this shape) is non-zero, {@code value}; elsewhere this. */
    public Tensor maskedFill(Tensor mask, float value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    /** Inverted dropout: zeroes each element with probability p and scales the rest by 1/(1-p). */
    public Tensor dropout(float p, boolean training) {
        return Elementwise.dropout(this, p, training);
    }

    public Tensor sum() {
        return Reductions.sumAll(this);
    }

    public Tensor mean() {
        return Reductions.sumAll(this).mul(1f / data.length);
    }

    public Tensor sum(int axis, boolean keepDim) {
        return Reductions.sum(this, axis, keepDim);
    }

    public Tensor mean(int axis, boolean keepDim) {
        return Reductions.sum(this, axis, keepDim)
                .mul(1f / shape[Shapes.axis(axis, shape.length, "mean")]);
    }

    public Tensor max(int axis, boolean keepDim) {
        return Reductions.max(this, axis, keepDim);
    }

    public Tensor softmax(int axis) {
        return Reductions.softmax(this, axis);
    }

    public Tensor logSoftmax(int axis) {
        return Reductions.logSoftmax(this, axis);
    }

    /** Indices of the largest values along the last axis. */
    public int[] argmax() {
        return Reductions.argmaxLast(this);
    }

    public Tensor matmul(Tensor o) {
        return Linalg.matmul(this, o);
    }

    /** this @ oᵀ over the last two axes, batched, without building the transpose. */
    public Tensor matmulT(Tensor o) {
        return Linalg.matmulTransposed(this, o);
    }

    /**
     * this (…, in) @ weightᵀ + bias with weight (out, in): a fused Linear layer (bias may be null).
     */
    public Tensor linear(Tensor weight, Tensor bias) {
        return Linalg.linear(this, weight, bias);
    }

    /** Layer normalization over the last axis with scale gamma and shift beta. */
    public Tensor layerNorm(Tensor gamma, Tensor beta, float eps) {
        return Normalization.layerNorm(this, gamma, beta, eps);
    }

    public Tensor reshape(int... newShape) {
        return Shaping.reshape(this, newShape);
    }

    public Tensor transpose(int a, int b) {
        return Shaping.transpose(this, a, b);
    }

    public Tensor permute(int... dims) {
        return Shaping.permute(this, dims);
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) along {@code axis}. */
    public Tensor slice(int axis, int from, int to) {
        return Shaping.slice(this, axis, from, to);
    }

    /** Rows {@code indices} of the first axis: embedding lookup. */
    public Tensor indexSelect(int[] indices) {
        return Shaping.indexSelect(this, indices);
    }

    /** For a (N, C) tensor, the N elements {@code [i, targets[i]]}. */
    public Tensor pick(int[] targets) {
        return Shaping.pick(this, targets);
    }

    /** 2-D convolution of (N, C, H, W) with weights (O, C, KH, KW) and bias (O) or null. */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return Convolution.conv2d(this, weight, bias, stride, padding);
    }

    public Tensor maxPool2d(int kernel, int stride) {
        return Convolution.maxPool2d(this, kernel, stride);
    }

    public Tensor avgPool2d(int kernel, int stride) {
        return Convolution.avgPool2d(this, kernel, stride);
    }

    /** Joins tensors along an axis. */
    public static Tensor cat(java.util.List<Tensor> parts, int axis) {
        return Shaping.cat(parts, axis);
    }

    /** Stacks equally shaped tensors along a new axis. */
    public static Tensor stack(java.util.List<Tensor> parts, int axis) {
        java.util.List<Tensor> expanded = new java.util.ArrayList<>();
        for (Tensor t : parts) {
            int ax = axis < 0 ? axis + t.shape.length + 1 : axis;
            int[] s = new int[t.shape.length + 1];
            for (int i = 0, j = 0; i < s.length; i++) {
                s[i] = i == ax ? 1 : t.shape[j++];
            }
            expanded.add(t.reshape(s));
        }
        return Shaping.cat(expanded, axis);
    }

    /**
     * In-place access for optimizers and initializers in sibling packages: the live value and
     * gradient arrays (not copies). Not for example code, which should treat tensors as values.
     */
    public static final class Internals {
        private Internals() {}

        /**
         * The live values; the caller is about to change them (caches of the old values are
         * dropped).
         */
        public static float[] data(Tensor t) {
            t.version++;
            return t.data;
        }

        public static float[] grad(Tensor t) {
            return t.grad;
        }
    }

    // ---- printing -------------------------------------------------------------------------

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tensor(");
        if (shape.length == 0) {
            sb.append(fmt(data[0]));
        } else {
            append(sb, 0, 0, 7);
        }
        sb.append(", shape=").append(Shapes.str(shape));
        if (requiresGrad) {
            sb.append(inputs == null ? ", requiresGrad" : ", op=" + op);
        }
        return sb.append(')').toString();
    }

    private void append(StringBuilder sb, int axis, int offset, int indent) {
        int n = shape[axis];
        int stride = Shapes.strides(shape)[axis];
        int edge = 3;
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (n > 2 * edge && i == edge) {
                sb.append(
                        axis == shape.length - 1
                                ? "..., "
                                : "...,\n" + " ".repeat(indent + axis + 1));
                i = n - edge;
            }
            if (axis == shape.length - 1) {
                sb.append(fmt(data[offset + i]));
            } else {
                append(sb, axis + 1, offset + i * stride, indent);
            }
            if (i < n - 1) {
                sb.append(axis == shape.length - 1 ? ", " : ",\n" + " ".repeat(indent + axis + 1));
            }
        }
        sb.append(']');
    }

    private static String fmt(float v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
