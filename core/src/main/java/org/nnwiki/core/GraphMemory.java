package org.nnwiki.core;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts what the recorded graph behind a tensor keeps alive for the backward pass: the values of
 * every intermediate result, and the arrays each operation's backward step captured besides them
 * (GELU's Φ and φ, convolution's unfolded input, max-pooling's winning positions). Leaves are not
 * counted: parameters and input data exist with or without a graph. Each array counts once, however
 * many operations share it, so the count is the memory the graph holds, not the memory it touched.
 *
 * <p>The captured arrays are found by reading the fields of each backward step (a lambda), which is
 * exactly what the JVM keeps reachable. The count is exact and the same on every machine; it leaves
 * out object headers and the gradients, which the backward pass allocates as it goes.
 */
public final class GraphMemory {
    private GraphMemory() {}

    /** Bytes held by the graph behind {@code root}, including {@code root}'s own values. */
    public static long savedBytes(Tensor root) {
        long total = 0;
        for (long b : byOperation(root).values()) {
            total += b;
        }
        return total;
    }

    /**
     * The same bytes split by the operation that produced or captured them, operations in the order
     * they first ran.
     */
    public static Map<String, Long> byOperation(Tensor root) {
        Set<Object> leafArrays = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> counted = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Tensor> nodes = new ArrayList<>(); // computed tensors, inputs before results
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0, neighbours(root)});
        seen.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            @SuppressWarnings("unchecked")
            List<Tensor> around = (List<Tensor>) frame[2];
            if (next < around.size()) {
                frame[1] = next + 1;
                Tensor in = around.get(next);
                if (seen.add(in)) {
                    stack.push(new Object[] {in, 0, neighbours(in)});
                }
            } else {
                stack.pop();
                if (t.isLeaf()) {
                    leafArrays.add(t.data);
                } else {
                    nodes.add(t);
                }
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Tensor t : nodes) {
            long bytes = 0;
            if (counted.add(t.data)) {
                bytes += 4L * t.data.length;
            }
            for (Object captured : captures(t.recordedBackward())) {
                bytes += arrayBytes(captured, leafArrays, counted);
            }
            out.merge(t.op(), bytes, Long::sum);
        }
        return out;
    }

    /**
     * The tensors a computed tensor's graph node refers to: its inputs and any its backward step
     * captured.
     */
    private static List<Tensor> neighbours(Tensor t) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor in : t.recordedInputs()) {
            if (in != null) {
                out.add(in);
            }
        }
        for (Object captured : captures(t.recordedBackward())) {
            if (captured instanceof Tensor c) {
                out.add(c);
            }
        }
        return out;
    }

    private static long arrayBytes(Object o, Set<Object> leafArrays, Set<Object> counted) {
        if (o == null || !o.getClass().isArray() || leafArrays.contains(o) || !counted.add(o)) {
            return 0;
        }
        Class<?> component = o.getClass().getComponentType();
        int n = Array.getLength(o);
        if (!component.isPrimitive()) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += arrayBytes(Array.get(o, i), leafArrays, counted);
            }
            return sum;
        }
        int width =
                component == long.class || component == double.class
                        ? 8
                        : component == int.class || component == float.class
                                ? 4
                                : component == short.class || component == char.class ? 2 : 1;
        return (long) width * n;
    }

    /** The values a backward step captured (the fields of its lambda), or none. */
    private static List<Object> captures(Object backward) {
        if (backward == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (Field f : backward.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            try {
                f.setAccessible(true);
                out.add(f.get(backward));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException(
                        "GraphMemory: cannot read " + f + " of a backward step", e);
            }
        }
        return out;
    }
}
