package org.nnwiki.generator.execute.agent;

import jdk.jshell.execution.RemoteExecutionControl;

/**
 * The session's end of JShell's protocol: the JDK's own, plus one thing. A {@code varValue} command
 * whose variable name starts with {@link #ARGUMENTS} does not read a variable: it leaves its text
 * in {@link #pending} for {@link SessionProbe#showValue}, which the generator calls next through
 * {@code invoke}. JShell's protocol has no command that passes arguments to a method, and this one
 * costs no compilation.
 */
public final class SessionControl extends RemoteExecutionControl {
    /** Marks a {@code varValue} command that carries arguments for the probe. */
    public static final String ARGUMENTS = "\u0000nnwiki-arguments ";

    /**
     * The last arguments sent: the snippet class's name, then the words after {@link #ARGUMENTS}.
     */
    public static volatile String[] pending;

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        if (varName.startsWith(ARGUMENTS)) {
            String[] words = varName.substring(ARGUMENTS.length()).split(" ");
            String[] all = new String[words.length + 1];
            all[0] = className;
            System.arraycopy(words, 0, all, 1, words.length);
            pending = all;
            return "";
        }
        return super.varValue(className, varName);
    }
}
