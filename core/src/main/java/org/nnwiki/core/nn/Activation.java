package org.nnwiki.core.nn;

import java.util.function.UnaryOperator;
import org.nnwiki.core.Tensor;

/** Parameter-free element-wise layers: {@code Activation.relu()}, {@code tanh()}, … */
public final class Activation extends Layer {
    private final String name;
    private final UnaryOperator<Tensor> f;

    private Activation(String name, UnaryOperator<Tensor> f) {
        this.name = name;
        this.f = f;
    }

    public static Activation relu() {
        return new Activation("ReLU", Tensor::relu);
    }

    public static Activation leakyRelu(float slope) {
        return new Activation("LeakyReLU", x -> x.leakyRelu(slope));
    }

    public static Activation tanh() {
        return new Activation("Tanh", Tensor::tanh);
    }

    public static Activation sigmoid() {
        return new Activation("Sigmoid", Tensor::sigmoid);
    }

    public static Activation gelu() {
        return new Activation("GELU", Tensor::gelu);
    }

    /** (N, …) → (N, product of the rest). */
    public static Activation flatten() {
        return new Activation("Flatten", x -> x.reshape(x.size(0), -1));
    }

    @Override
    public Tensor forward(Tensor x) {
        return f.apply(x);
    }

    @Override
    public String toString() {
        return name;
    }
}
