package org.nnwiki.core.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnwiki.core.Tensor;

/**
 * A part of a network that owns parameters and sub-modules, like PyTorch's {@code nn.Module}.
 * Subclasses register what they own in their constructor with {@link #param} and {@link #child}.
 */
public abstract class Module {
    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a parameter (marking it as requiring a gradient) and returns it. */
    protected final Tensor param(String name, Tensor value) {
        params.put(name, value.isRequiringGrad() ? value : value.requiresGrad());
        return value;
    }

    /** Registers a sub-module and returns it. */
    protected final <M extends Module> M child(String name, M module) {
        children.put(name, module);
        return module;
    }

    /** All parameters, this module's first, then its children's in registration order. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters by dotted path, e.g. {@code layers.0.weight}. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out) {
        params.forEach((k, v) -> out.put(prefix + k, v));
        children.forEach((k, m) -> m.collect(prefix + k + ".", out));
    }

    /** The number of trainable scalars. */
    public final int parameterCount() {
        int n = 0;
        for (Tensor p : parameters()) {
            n += p.numel();
        }
        return n;
    }

    /** Training mode (dropout active, batch norm uses batch statistics); returns this. */
    public Module train() {
        setTraining(true);
        return this;
    }

    /** Evaluation mode (dropout off, batch norm uses running statistics); returns this. */
    public Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean on) {
        training = on;
        children.values().forEach(m -> m.setTraining(on));
    }

    public final boolean isTraining() {
        return training;
    }

    /** Calls {@code visitor} on this module and on every module below it, parents first. */
    final void visit(java.util.function.Consumer<Module> visitor) {
        visitor.accept(this);
        children.values().forEach(m -> m.visit(visitor));
    }

    public final void zeroGrad() {
        parameters().forEach(Tensor::zeroGrad);
    }
}
