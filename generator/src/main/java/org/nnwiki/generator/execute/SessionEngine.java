package org.nnwiki.generator.execute;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jshell.execution.JdiExecutionControl;
import jdk.jshell.execution.JdiInitiator;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.nnwiki.generator.execute.agent.SessionAgent;

/**
 * JShell's execution engine for sessions: the session JVM is launched through JDI (which is how a
 * block that runs too long is stopped) and runs {@link SessionAgent}, and both ends of the command
 * socket send at once (TCP_NODELAY; see {@code SessionAgent} for the measured cost of not doing so).
 * Otherwise it does what the JDK's default JDI engine does.
 */
final class SessionEngine implements ExecutionControlProvider {
    private static final int LAUNCH_TIMEOUT_MS = 60_000;
    private static final String AGENT_CONTROL = RemoteExecutionControl.class.getName();

    /** The launched JVM of the last {@link #generate} call, for the session's process-tree kill. */
    private volatile Process process;
    private final Path scratch;

    /** @param scratch the session JVM's working folder; null to start it where the generator runs */
    SessionEngine(Path scratch) {
        this.scratch = scratch;
    }

    @Override
    public String name() {
        return "nnwiki";
    }

    Process process() {
        return process;
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(LAUNCH_TIMEOUT_MS);
            List<String> options = new java.util.ArrayList<>(env.extraRemoteVMOptions());
            // The session JVM's class path is the agent alone; UsageRecordingLoader loads the session's.
            options.add("--class-path");
            options.add(AgentFiles.folder().toString());
            // The session JVM starts in its scratch folder, through a launcher that changes into it.
            Map<String, String> launch = Map.of();
            if (scratch != null && AgentFiles.launcherHome() != null) {
                options.add("-Dnnwiki.scratch=" + scratch);
                launch = Map.of("home", AgentFiles.launcherHome().toString());
            }
            JdiInitiator jdi = new JdiInitiator(listener.getLocalPort(), options, SessionAgent.class.getName(), true, null,
                    LAUNCH_TIMEOUT_MS, launch);
            VirtualMachine vm = jdi.vm();
            process = jdi.process();
            Util.detectJdiExitEvent(vm, why -> env.closeDown());
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            Map<String, OutputStream> outputs = new HashMap<>();
            outputs.put("out", env.userOut());
            outputs.put("err", env.userErr());
            Map<String, InputStream> inputs = new HashMap<>();
            inputs.put("in", env.userIn());
            Process launched = process;
            return Util.remoteInputOutput(socket.getInputStream(), out, outputs, inputs,
                    (objIn, objOut) -> new Control(objOut, objIn, vm, launched));
        }
    }

    /** The generator's end of a session: JShell's commands over the socket, stop and redefine through JDI. */
    private static final class Control extends JdiExecutionControl {
        private final VirtualMachine vm;
        private final Process process;
        private final Object stopLock = new Object();
        private boolean userCodeRunning;

        Control(ObjectOutput out, ObjectInput in, VirtualMachine vm, Process process) {
            super(out, in);
            this.vm = vm;
            this.process = process;
        }

        @Override
        protected VirtualMachine vm() {
            return vm;
        }

        @Override
        public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
            synchronized (stopLock) {
                userCodeRunning = true;
            }
            try {
                return super.invoke(className, methodName);
            } finally {
                synchronized (stopLock) {
                    userCodeRunning = false;
                }
            }
        }

        /**
         * Stops a running block: finds the agent thread inside the remote control's {@code invoke},
         * tells the control a stop is expected and throws the control's own stop exception in that
         * thread, which the agent reports as a stopped invocation.
         */
        @Override
        public void stop() throws EngineTerminationException, InternalException {
            synchronized (stopLock) {
                if (!userCodeRunning) {
                    return;
                }
                vm.suspend();
                try {
                    for (ThreadReference thread : vm.allThreads()) {
                        ObjectReference control = controlIn(thread);
                        if (control == null) {
                            continue;
                        }
                        Field inClientCode = control.referenceType().fieldByName("inClientCode");
                        Field expectingStop = control.referenceType().fieldByName("expectingStop");
                        Field stopException = control.referenceType().fieldByName("stopException");
                        if (((BooleanValue) control.getValue(inClientCode)).value()) {
                            control.setValue(expectingStop, vm.mirrorOf(true));
                            ObjectReference exception = (ObjectReference) control.getValue(stopException);
                            vm.resume();
                            thread.stop(exception);
                            control.setValue(expectingStop, vm.mirrorOf(false));
                        }
                        return;
                    }
                } catch (com.sun.jdi.ClassNotLoadedException | com.sun.jdi.IncompatibleThreadStateException
                         | com.sun.jdi.InvalidTypeException e) {
                    throw new InternalException("could not stop the block: " + e);
                } finally {
                    vm.resume();
                }
            }
        }

        private static ObjectReference controlIn(ThreadReference thread) throws com.sun.jdi.IncompatibleThreadStateException {
            for (StackFrame frame : thread.frames()) {
                String method = frame.location().method().name();
                if (AGENT_CONTROL.equals(frame.location().declaringType().name()) && (method.equals("invoke") || method.equals("varValue"))) {
                    return frame.thisObject();
                }
            }
            return null;
        }

        @Override
        public void close() {
            super.close();
            try {
                vm.dispose();
            } catch (RuntimeException e) {
                // already gone
            }
            process.destroyForcibly();
        }
    }

    /** The agent's class files, copied once per generator JVM into a folder the session JVMs put on their class path. */
    static final class AgentFiles {
        private static Path folder;
        private static Path launcherHome;
        private static boolean launcherTried;

        /**
         * A folder with {@code bin/java}: a shell script that changes into the folder named by the
         * {@code -Dnnwiki.scratch=} option among its arguments and runs this JDK's {@code java} with
         * them all. JDI's launcher takes a JDK home, not a working folder. Null on Windows (no POSIX
         * shell): sessions then start in the generator's folder.
         */
        static synchronized Path launcherHome() {
            if (!launcherTried) {
                launcherTried = true;
                Path java = Path.of(System.getProperty("java.home"), "bin", "java");
                if (!System.getProperty("os.name").startsWith("Windows") && Files.isExecutable(java) && Files.isExecutable(Path.of("/bin/sh"))) {
                    try {
                        Path bin = Files.createDirectories(folder().resolveSibling(folder().getFileName() + "-launcher").resolve("bin"));
                        Path script = bin.resolve("java");
                        Files.writeString(script, "#!/bin/sh\n"
                                + "for a in \"$@\"; do case \"$a\" in -Dnnwiki.scratch=*) cd \"${a#-Dnnwiki.scratch=}\" || exit 1;; esac; done\n"
                                + "exec '" + java.toString().replace("'", "'\\''") + "' \"$@\"\n");
                        script.toFile().setExecutable(true);
                        launcherHome = bin.getParent();
                        Path home = launcherHome;
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home), "nnwiki-launcher-cleanup"));
                    } catch (IOException e) {
                        launcherHome = null;
                    }
                }
            }
            return launcherHome;
        }

        private AgentFiles() {}

        static synchronized Path folder() {
            if (folder == null) {
                try {
                    Path dir = Files.createTempDirectory("nnwiki-agent");
                    for (Class<?> c : List.of(SessionAgent.class, org.nnwiki.generator.execute.agent.UsageRecordingLoader.class)) {
                        String file = c.getName().replace('.', '/') + ".class";
                        Path target = dir.resolve(file);
                        Files.createDirectories(target.getParent());
                        try (InputStream in = c.getClassLoader().getResourceAsStream(file)) {
                            Files.copy(in, target);
                        }
                    }
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "nnwiki-agent-cleanup"));
                    folder = dir;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the session agent's class files: " + e.getMessage(), e);
                }
            }
            return folder;
        }

        static void deleteTree(Path dir) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp folder left behind
            }
        }
    }
}
