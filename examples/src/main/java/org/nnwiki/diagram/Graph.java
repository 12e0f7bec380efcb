package org.nnwiki.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnwiki.core.Tensor;
import org.nnwiki.core.nn.Module;
import org.nnwiki.display.Chart;
import org.nnwiki.display.NodeGraph;

/**
 * The autodiff graph behind a tensor, drawn: every operation that produced it, with its shape, from
 * the inputs and parameters at the top to the tensor at the bottom (micrograd's {@code draw_dot} is
 * the model). The graph is read when {@code of} is called, so call it before {@code backward()},
 * which frees the graph; values and gradients are read when the figure is drawn.
 *
 * <pre>{@code
 * Tensor loss = x.matmul(w).relu().sum();
 * var graph = Graph.of(loss).label(w, "w").label(x, "x").values().gradients();
 * loss.backward();
 * show(graph);          // each box: name, shape, value, and the gradient of the loss
 * }</pre>
 */
public final class Graph implements Chart {
    /** More boxes than this is no longer a diagram anyone reads. */
    public static final int MAX_NODES = 200;

    private final Tensor root;
    private final List<Tensor> order;
    /** Each tensor's inputs as recorded at {@code of} ({@code backward()} frees them). */
    private final Map<Tensor, List<Tensor>> inputs = new IdentityHashMap<>();
    private final Map<Tensor, String> labels = new IdentityHashMap<>();
    private String title;
    private boolean values;
    private boolean gradients;

    private Graph(Tensor root, List<Tensor> order) {
        this.root = root;
        this.order = order;
        order.forEach(t -> inputs.put(t, t.inputs()));
        this.title = "Computation graph of " + (root.op().equals("leaf") ? "a leaf tensor" : "a " + root.op() + " result");
    }

    /** The graph that produced {@code tensor}, read now (before {@code backward()} frees it). */
    public static Graph of(Tensor tensor) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        Deque<Tensor> todo = new ArrayDeque<>();
        todo.add(tensor);
        seen.put(tensor, true);
        while (!todo.isEmpty()) {
            Tensor t = todo.poll();
            order.add(t);
            if (order.size() > MAX_NODES) {
                throw new IllegalArgumentException("Graph.of: the graph has more than " + MAX_NODES
                        + " tensors; draw a smaller part of it (one layer, a batch of one) or a model's layers with Diagram.of");
            }
            for (Tensor in : t.inputs()) {
                if (seen.put(in, true) == null) {
                    todo.add(in);
                }
            }
        }
        if (order.size() == 1 && tensor.op().equals("leaf") || tensor.inputs().isEmpty() && !tensor.op().equals("leaf")) {
            throw new IllegalArgumentException("Graph.of: this tensor has no recorded graph: it is a leaf, was computed under"
                    + " Tensor.noGrad() or from inputs that take no gradient, or backward() has already freed its graph"
                    + " (call Graph.of before backward())");
        }
        Collections.reverse(order);
        return new Graph(tensor, order);
    }

    /** Names a tensor of the graph (a parameter, an input); others are named by their operation. */
    public Graph label(Tensor t, String name) {
        labels.put(t, name);
        return this;
    }

    /** Names every parameter of {@code model} by its path ({@code fc1.weight}). */
    public Graph labels(Module model) {
        model.namedParameters().forEach((name, p) -> labels.put(p, name));
        return this;
    }

    /** Writes each tensor's values in its box (tensors of up to four elements; larger ones show their shape only). */
    public Graph values() {
        this.values = true;
        return this;
    }

    /**
     * Writes each tensor's gradient in its box once {@code backward()} has run. Call it before
     * {@code backward()}: it asks every intermediate result to keep its gradient.
     */
    public Graph gradients() {
        this.gradients = true;
        for (Tensor t : order) {
            if (!t.op().equals("leaf") && t.isRequiringGrad()) {
                t.retainGrad();
            }
        }
        return this;
    }

    public Graph title(String title) {
        this.title = title;
        return this;
    }

    /** The number of tensors in the graph (boxes in the figure). */
    public int size() {
        return order.size();
    }

    @Override
    public String title() {
        return title;
    }

    /** The graph as boxes and arrows, ready to lay out. */
    public NodeGraph toNodeGraph() {
        NodeGraph g = NodeGraph.of(title);
        Map<Tensor, String> ids = new IdentityHashMap<>();
        for (Tensor t : order) {
            String id = "t" + ids.size();
            ids.put(t, id);
            boolean leaf = t.op().equals("leaf");
            NodeGraph.Kind kind = t == root ? NodeGraph.Kind.OUTPUT
                    : !leaf ? NodeGraph.Kind.OPERATION : t.isRequiringGrad() ? NodeGraph.Kind.PARAMETER : NodeGraph.Kind.INPUT;
            List<String> lines = new ArrayList<>();
            String name = labels.get(t);
            lines.add(name != null && !leaf ? name + " = " + t.op() : name != null ? name : leaf ? (t.isRequiringGrad() ? "parameter" : "input") : t.op());
            lines.add(Diagram.shape(t.shape()));
            if (values) {
                String v = brief(t.toArray());
                if (v != null) {
                    lines.add(v);
                }
            }
            if (gradients) {
                Tensor grad = t.grad();
                String v = grad == null ? null : brief(grad.toArray());
                if (v != null) {
                    lines.add("grad " + v);
                }
            }
            g.node(id, kind, lines.toArray(String[]::new));
        }
        for (Tensor t : order) {
            for (Tensor in : inputs.get(t)) {
                g.edge(ids.get(in), ids.get(t));
            }
        }
        return g;
    }

    @Override
    public String svg() {
        return toNodeGraph().svg();
    }

    private static String brief(float[] v) {
        if (v.length > 4) {
            return null;
        }
        StringBuilder sb = new StringBuilder(v.length == 1 ? "" : "[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", v[i]));
        }
        return sb.append(v.length == 1 ? "" : "]").toString();
    }
}
