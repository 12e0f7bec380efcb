package org.nnwiki.generator.execute;

import java.time.Duration;
import java.util.List;

/**
 * Everything a session is started with; part of every page's cache key.
 *
 * @param classpath absolute class path entries (the core, display and examples modules and their
 *     jars)
 * @param prelude JShell code run first in each session (imports, seed, the value hook)
 * @param preludeFile where the prelude came from, for messages
 * @param valueHook a method of the prelude that displays a value; empty to show {@code toString()}
 * @param heap {@code -Xmx} of the session JVM
 * @param vmOptions more session JVM options
 * @param timeout default time limit of a block
 * @param maxOutputChars printed text kept per block
 * @param sandbox how session JVMs are confined; {@link Confinement#NONE} for not at all
 */
public record SessionSpec(
        List<String> classpath,
        String prelude,
        String preludeFile,
        String valueHook,
        String heap,
        List<String> vmOptions,
        Duration timeout,
        int maxOutputChars,
        Confinement sandbox) {

    /**
     * The sandbox sessions run in.
     *
     * @param on whether session JVMs run under bwrap
     * @param readable absolute paths sessions may read besides the class path and the JDK
     * @param scratchBytes size of a session's writable {@code /tmp} and of its scratch folder
     */
    public record Confinement(boolean on, List<String> readable, long scratchBytes) {
        public static final Confinement NONE = new Confinement(false, List.of(), 0);
    }

    /** The same settings with {@code more} JVM options after the configured ones. */
    SessionSpec withMoreVmOptions(List<String> more) {
        List<String> vm = new java.util.ArrayList<>(vmOptions);
        vm.addAll(more);
        return new SessionSpec(
                classpath,
                prelude,
                preludeFile,
                valueHook,
                heap,
                List.copyOf(vm),
                timeout,
                maxOutputChars,
                sandbox);
    }
}
