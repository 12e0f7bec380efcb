package org.nnwiki.generator.execute.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Optional;

/**
 * What the generator asks of a session between blocks, loaded into the session's snippet class
 * loader as compiled bytes and called through JShell's {@code invoke} command, so that asking costs
 * no compilation: before, each question was a snippet that the generator's compiler translated (two
 * of the 26 snippets of a trivial page, plus one per block). It is not on the session JVM's class
 * path (the agent folder holds only what {@link SessionAgent} needs) and depends on the JDK only.
 *
 * <p>Its methods take no arguments and return what JShell's protocol turns into a value string.
 * String concatenation is written out with {@link StringBuilder}: {@code +} would bootstrap the
 * invokedynamic string machinery in every session, whether its page needs it or not.
 */
public final class SessionProbe {
    private SessionProbe() {}

    /**
     * Ends a block: prints the barrier (everything the block printed is ahead of it in the output
     * stream) and returns the heap's peak since the last call, resetting each heap pool's peak.
     */
    public static long endOfBlock() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage peak = pool.getPeakUsage();
            if (pool.getType() == MemoryType.HEAP && peak != null) {
                sum += peak.getUsed();
                pool.resetPeakUsage();
            }
        }
        System.out.print(CappedOutput.BARRIER);
        System.out.flush();
        return sum;
    }

    /**
     * Where the session runs, as {@code vendor version|os arch|processors|vector bits} (0 bits
     * without the Vector API module); read by the generator's {@code Provenance.parse}.
     */
    public static String provenance() {
        StringBuilder s = new StringBuilder();
        s.append(System.getProperty("java.vendor"))
                .append(' ')
                .append(Runtime.version())
                .append('|');
        s.append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append('|');
        s.append(Runtime.getRuntime().availableProcessors()).append('|');
        return s.append(vectorBits()).toString();
    }

    /**
     * Shows the value of a block's last expression with the value hook, as the snippet {@code
     * Hook.method(name);} would, without compiling one. The arguments come from {@link
     * SessionControl#pending}: the class of the expression's snippet, {@code field NAME} (a
     * temporary variable {@code $n}, read from its field) or {@code call NAME} (a variable named on
     * its own: the snippet's {@code do_it$} only reads it, so it is called again), and the hook
     * {@code package.Class.method}. Returns {@code "shown"}, or {@code "fallback"} when it cannot
     * do what the compiled call would (no such member, or not exactly one public static
     * one-argument hook method that takes the value); the generator then compiles the call. An
     * exception of the hook's is thrown on, as the snippet's would be.
     */
    public static String showValue() throws Throwable {
        String[] a = SessionControl.pending;
        SessionControl.pending = null;
        if (a == null || a.length != 4) {
            return "fallback";
        }
        ClassLoader loader = SessionProbe.class.getClassLoader();
        Object value;
        try {
            Class<?> snippet = Class.forName(a[0], false, loader);
            if (a[1].equals("field")) {
                java.lang.reflect.Field f = snippet.getDeclaredField(a[2]);
                f.setAccessible(true);
                value = f.get(null);
            } else {
                java.lang.reflect.Method read = snippet.getDeclaredMethod("do_it$");
                read.setAccessible(true);
                value = read.invoke(null);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "fallback";
        }
        int dot = a[3].lastIndexOf('.');
        java.lang.reflect.Method hook = null;
        try {
            Class<?> owner = Class.forName(a[3].substring(0, dot), true, loader);
            for (java.lang.reflect.Method m : owner.getMethods()) {
                if (m.getName().equals(a[3].substring(dot + 1))
                        && java.lang.reflect.Modifier.isStatic(m.getModifiers())
                        && m.getParameterCount() == 1
                        && !m.getParameterTypes()[0].isPrimitive()) {
                    if (hook != null) {
                        return "fallback"; // overloads: leave the choice to the compiler
                    }
                    hook = m;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "fallback";
        }
        if (hook == null || (value != null && !hook.getParameterTypes()[0].isInstance(value))) {
            return "fallback";
        }
        try {
            hook.invoke(null, value);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
        return "shown";
    }

    private static String vectorBits() {
        Optional<Module> vector = ModuleLayer.boot().findModule("jdk.incubator.vector");
        if (vector.isEmpty()) {
            return "0";
        }
        try {
            Object species =
                    Class.forName("jdk.incubator.vector.FloatVector")
                            .getField("SPECIES_PREFERRED")
                            .get(null);
            return String.valueOf(
                    Class.forName("jdk.incubator.vector.VectorSpecies")
                            .getMethod("vectorBitSize")
                            .invoke(species));
        } catch (ReflectiveOperationException e) {
            return "0";
        }
    }
}
