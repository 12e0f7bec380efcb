package org.nnwiki.core.kernel;

/**
 * Chooses between a Vector API implementation and its plain-Java fallback, once per kernel: the
 * vector class is loaded by name only when {@code jdk.incubator.vector} is in the boot layer and
 * {@code -Dnnwiki.plainKernels} is not set, so the fallback never touches the incubator module.
 */
final class Implementations {
    private Implementations() {}

    /** An instance of {@code vectorClass} (in this package), or {@code fallback}. */
    static <T> T vectorOr(Class<T> type, String vectorClass, T fallback) {
        if (Boolean.getBoolean("nnwiki.plainKernels")
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return fallback;
        }
        try {
            return type.cast(
                    Class.forName("org.nnwiki.core.kernel." + vectorClass)
                            .getDeclaredConstructor()
                            .newInstance());
        } catch (ReflectiveOperationException | LinkageError | UnsupportedOperationException e) {
            return fallback;
        }
    }
}
