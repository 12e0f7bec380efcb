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
    /** More boxes than this is no longer a diagram anyone reads: draw modules instead. */
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
        this.title =
                "Computation graph of "
                        + (root.op().equals("leaf")
                                ? "a leaf tensor"
                                : "a " + root.op() + " result");
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
            for (Tensor in : t.inputs()) {
                if (seen.put(in, true) == null) {
                    todo.add(in);
                }
            }
        }
        if (order.size() == 1 && tensor.op().equals("leaf")
                || tensor.inputs().isEmpty() && !tensor.op().equals("leaf")) {
            throw new IllegalArgumentException(
                    "Graph.of: this tensor has no recorded graph: it is a leaf, was computed under"
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

    /**
     * Writes each tensor's values in its box (tensors of up to four elements; larger ones show
     * their shape only).
     */
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

    /** The graph as boxes and arrows, one per tensor, ready to lay out. */
    public NodeGraph toNodeGraph() {
        if (order.size() > MAX_NODES) {
            throw new IllegalStateException(
                    "Graph: "
                            + order.size()
                            + " tensors is more than "
                            + MAX_NODES
                            + " boxes anyone can read; draw one box per module with modules(model, depth), or a smaller part of the graph");
        }
        NodeGraph g = NodeGraph.of(title);
        Map<Tensor, String> ids = new IdentityHashMap<>();
        for (Tensor t : order) {
            String id = "t" + ids.size();
            ids.put(t, id);
            boolean leaf = t.op().equals("leaf");
            NodeGraph.Kind kind =
                    t == root
                            ? NodeGraph.Kind.OUTPUT
                            : !leaf
                                    ? NodeGraph.Kind.OPERATION
                                    : t.isRequiringGrad()
                                            ? NodeGraph.Kind.PARAMETER
                                            : NodeGraph.Kind.INPUT;
            List<String> lines = new ArrayList<>();
            String name = labels.get(t);
            lines.add(
                    name != null && !leaf
                            ? name + " = " + t.op()
                            : name != null
                                    ? name
                                    : leaf
                                            ? (t.isRequiringGrad() ? "parameter" : "input")
                                            : t.op());
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

    /**
     * The same graph drawn one box per module of {@code model} (its parameter paths cut after
     * {@code depth} names: depth 1 gives {@code encoder0}, {@code decoder1}, {@code out}), with the
     * shape each module passed on and its parameter count; inputs that are not parameters (data,
     * masks) keep a box of their own. An operation belongs to the module of its parameters; one
     * without parameters (an activation, a residual sum, a softmax) to the module of its input that
     * was computed last.
     */
    public NodeGraph modules(Module model, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException(
                    "Graph.modules: depth must be at least 1, not " + depth);
        }
        Map<Tensor, String> paramOwner = new IdentityHashMap<>();
        Map<String, Integer> paramCount = new java.util.LinkedHashMap<>();
        model.namedParameters()
                .forEach(
                        (name, p) -> {
                            String module =
                                    name.contains(".")
                                            ? name.substring(0, name.lastIndexOf('.'))
                                            : "";
                            paramOwner.put(p, module);
                            paramCount.merge(cut(module, depth), p.numel(), Integer::sum);
                        });
        List<Tensor> topo = topological();
        Map<Tensor, Integer> height = new IdentityHashMap<>(); // longest path from a leaf
        Map<Tensor, String> owner = new IdentityHashMap<>();
        for (Tensor t : topo) {
            int h = 0;
            for (Tensor in : inputs.get(t)) {
                h = Math.max(h, height.get(in) + 1);
            }
            height.put(t, h);
            if (inputs.get(t).isEmpty()) {
                owner.put(t, paramOwner.get(t)); // null: data or a mask
                continue;
            }
            String own = null;
            for (Tensor in : inputs.get(t)) {
                String o = paramOwner.get(in);
                if (o != null && (own == null || o.length() > own.length())) {
                    own = o;
                }
            }
            if (own == null) {
                Tensor latest = null;
                for (Tensor in : inputs.get(t)) {
                    if (owner.get(in) != null
                            && (latest == null || height.get(in) > height.get(latest))) {
                        latest = in;
                    }
                }
                own = latest == null ? "" : owner.get(latest);
            }
            owner.put(t, own);
        }
        NodeGraph g = NodeGraph.of(title);
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        Map<String, int[]> shapes = new java.util.LinkedHashMap<>();
        Map<Tensor, String> box = new IdentityHashMap<>();
        Map<String, Tensor> inputLeaf = new java.util.HashMap<>();
        int inputsSeen = 0;
        for (Tensor t : topo) {
            if (paramOwner.containsKey(t)) {
                continue; // drawn inside its module's box
            }
            String key = owner.get(t) == null ? "input " + inputsSeen++ : cut(owner.get(t), depth);
            if (owner.get(t) == null) {
                inputLeaf.put(key, t);
            }
            box.put(t, key);
            ids.putIfAbsent(key, "m" + ids.size());
            shapes.put(key, t.shape()); // the last tensor of a module is what it passes on
        }
        for (var e : ids.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("input ")) {
                Tensor leaf = inputLeaf.get(key);
                String name =
                        labels.getOrDefault(
                                leaf,
                                leaf.op().equals("leaf")
                                        ? "input"
                                        : "constant (" + leaf.op() + ")");
                g.node(e.getValue(), NodeGraph.Kind.INPUT, name, Diagram.shape(leaf.shape()));
                continue;
            }
            List<String> lines =
                    new ArrayList<>(
                            List.of(
                                    key.isEmpty() ? "(top level)" : key,
                                    "→ " + Diagram.shape(shapes.get(key))));
            int params = paramCount.getOrDefault(key, 0);
            if (params > 0) {
                lines.add(String.format(Locale.ROOT, "%,d parameters", params));
            }
            NodeGraph.Kind kind =
                    box.get(root).equals(key)
                            ? NodeGraph.Kind.OUTPUT
                            : params > 0 ? NodeGraph.Kind.PARAMETER : NodeGraph.Kind.OPERATION;
            g.node(e.getValue(), kind, lines.toArray(String[]::new));
        }
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (Tensor t : topo) {
            if (!box.containsKey(t)) {
                continue;
            }
            for (Tensor in : inputs.get(t)) {
                String from = box.get(in);
                String to = box.get(t);
                if (from != null && !from.equals(to) && drawn.add(from + "\u0000" + to)) {
                    g.edge(ids.get(from), ids.get(to));
                }
            }
        }
        return g;
    }

    private static String cut(String module, int depth) {
        String[] parts = module.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(depth, parts.length)));
    }

    /** The graph's tensors, each after all of its inputs. */
    private List<Tensor> topological() {
        List<Tensor> out = new ArrayList<>();
        Map<Tensor, Boolean> done = new IdentityHashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        done.put(root, false);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            List<Tensor> ins = inputs.get(t);
            if (next < ins.size()) {
                frame[1] = next + 1;
                Tensor in = ins.get(next);
                if (!done.containsKey(in)) {
                    done.put(in, false);
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                out.add(t);
            }
        }
        return out;
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
