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
import org.nnwiki.generator.execute.agent.SessionControl;
import org.nnwiki.generator.execute.agent.SessionProbe;

/**
 * JShell's execution engine for sessions: the session JVM is launched through JDI (which is how a
 * block that runs too long is stopped) and runs {@link SessionAgent}, and both ends of the command
 * socket send at once (TCP_NODELAY; see {@code SessionAgent} for the measured cost of not doing
 * so). Otherwise it does what the JDK's default JDI engine does.
 */
final class SessionEngine implements ExecutionControlProvider {
    private static final int LAUNCH_TIMEOUT_MS = 60_000;
    private static final String AGENT_CONTROL = RemoteExecutionControl.class.getName();

    /** The launched JVM of the last {@link #generate} call, for the session's process-tree kill. */
    private volatile Process process;

    /** The generator's end of the last {@link #generate} call's session, for {@link #probe}. */
    private volatile Control control;

    private final Path scratch;

    private final Sandbox sandbox;
    private final Path ipc;

    /**
     * @param scratch the session JVM's working folder; null to start it where the generator runs
     * @param sandbox the sandbox to start the session JVM in; null for none
     * @param ipc a folder of the session's own for the sandbox's pipes (unused without one)
     */
    SessionEngine(Path scratch, Sandbox sandbox, Path ipc) {
        this.scratch = scratch;
        this.sandbox = sandbox;
        this.ipc = ipc;
    }

    @Override
    public String name() {
        return "nnwiki";
    }

    Process process() {
        return process;
    }

    /**
     * Loads {@link SessionProbe} into the session's snippet class loader (once, before {@link
     * #probe}): from the generator's own class files, so that asking the session costs no
     * compilation.
     */
    void loadProbe() throws ExecutionControl.ExecutionControlException {
        control.load(
                new ExecutionControl.ClassBytecodes[] {
                    new ExecutionControl.ClassBytecodes(SessionProbe.class.getName(), PROBE_BYTES)
                });
    }

    /**
     * Calls the static no-argument method {@code method} of {@link SessionProbe} in the session, as
     * JShell calls a snippet, and returns its value string. Only between JShell's own evaluations:
     * the protocol carries one command at a time.
     */
    String probe(String method) throws ExecutionControl.ExecutionControlException {
        return control.invoke(SessionProbe.class.getName(), method);
    }

    private static final byte[] PROBE_BYTES = AgentFiles.classBytes(SessionProbe.class);

    /**
     * Shows the value of the expression just evaluated with {@code hook}, without compiling a call
     * ({@link SessionProbe#showValue}): {@code member} is its temporary variable ({@code field}) or
     * the variable it named ({@code !field}), found in the class of the snippet JShell invoked
     * last. True when it was shown; false when the generator must compile the call instead.
     *
     * @throws ExecutionControl.RunException the hook threw (or the block was stopped)
     */
    boolean showValue(String member, boolean field, String hook)
            throws ExecutionControl.ExecutionControlException {
        String snippetClass = control.lastSnippetClass;
        if (snippetClass == null
                || member.contains(" ")
                || hook.contains(" ")
                || hook.indexOf('.') < 0) {
            return false;
        }
        control.varValue(
                snippetClass,
                SessionControl.ARGUMENTS + (field ? "field " : "call ") + member + " " + hook);
        return control.invoke(SessionProbe.class.getName(), "showValue").contains("shown");
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters)
            throws Throwable {
        if (sandbox != null) {
            return generateSandboxed(env);
        }
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(LAUNCH_TIMEOUT_MS);
            List<String> options = new java.util.ArrayList<>(env.extraRemoteVMOptions());
            // The session JVM's class path is the agent alone; UsageRecordingLoader loads the
            // session's.
            options.add("--class-path");
            options.add(AgentFiles.folder().toString());
            // The session JVM starts in its scratch folder, through a launcher that changes into
            // it.
            Map<String, String> launch = Map.of();
            if (scratch != null && AgentFiles.launcherHome() != null) {
                options.add("-Dnnwiki.scratch=" + scratch);
                launch = Map.of("home", AgentFiles.launcherHome().toString());
            }
            JdiInitiator jdi =
                    new JdiInitiator(
                            listener.getLocalPort(),
                            options,
                            SessionAgent.class.getName(),
                            true,
                            null,
                            LAUNCH_TIMEOUT_MS,
                            launch);
            VirtualMachine vm = jdi.vm();
            process = jdi.process();
            Util.detectJdiExitEvent(vm, why -> env.closeDown());
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            return connect(env, socket.getInputStream(), out, vm, process);
        }
    }

    /**
     * Starts the session JVM in the sandbox: its debug agent listens on the sandbox's own loopback,
     * the agent carries that connection and JShell's protocol through named pipes in {@code ipc}
     * (see {@link SessionAgent} for why pipes), and JDI talks to the debug agent through the first
     * two.
     */
    private ExecutionControl generateSandboxed(ExecutionEnv env) throws Throwable {
        Path[] fifo = new Path[SessionAgent.FIFOS.length];
        List<String> mkfifo = new java.util.ArrayList<>(List.of("mkfifo", "-m", "600"));
        for (int i = 0; i < fifo.length; i++) {
            fifo[i] = ipc.resolve(SessionAgent.FIFOS[i]);
            mkfifo.add(fifo[i].toString());
        }
        Process made = new ProcessBuilder(mkfifo).redirectErrorStream(true).start();
        String mkfifoOut =
                new String(
                                made.getInputStream().readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .strip();
        if (made.waitFor() != 0) {
            throw new IOException("cannot create the session's pipes with mkfifo: " + mkfifoOut);
        }
        List<String> args = new java.util.ArrayList<>();
        args.add(
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:"
                        + Sandbox.JDWP_PORT);
        args.addAll(env.extraRemoteVMOptions());
        args.add("--class-path");
        args.add(AgentFiles.folder().toString());
        args.addAll(
                List.of(
                        SessionAgent.class.getName(),
                        "--fifo",
                        ipc.toString(),
                        Integer.toString(Sandbox.JDWP_PORT)));
        List<String> argv =
                sandbox.command(
                        Sandbox.javaProgram(), args, scratch, ipc, List.of(AgentFiles.folder()));
        Process launched = new ProcessBuilder(argv).start();
        process = launched;
        launched.getOutputStream().close();
        // The session's printed output comes through the control pipe; its own stdout holds only
        // the debug agent's banner.
        StreamTail.drain(launched.getInputStream(), "nnwiki-session-stdout");
        StreamTail stderr = StreamTail.drain(launched.getErrorStream(), "nnwiki-session-stderr");
        long deadline = System.nanoTime() + LAUNCH_TIMEOUT_MS * 1_000_000L;
        OutputStream debugOut = open(fifo[0], false, launched, stderr, deadline);
        InputStream debugIn = open(fifo[1], true, launched, stderr, deadline);
        VirtualMachine vm;
        try {
            vm =
                    com.sun.jdi.Bootstrap.virtualMachineManager()
                            .createVirtualMachine(JdwpPipes.handshake(debugIn, debugOut), launched);
        } catch (IOException e) {
            launched.destroyForcibly();
            throw new IOException(
                    "the session JVM's debug connection failed: " + e.getMessage() + stderr.text(),
                    e);
        }
        Util.detectJdiExitEvent(vm, why -> env.closeDown());
        OutputStream controlOut = open(fifo[2], false, launched, stderr, deadline);
        InputStream controlIn = open(fifo[3], true, launched, stderr, deadline);
        return connect(env, controlIn, controlOut, vm, launched);
    }

    /**
     * JShell's protocol over {@code in} and {@code out}, with the session's printed output and
     * input forwarded.
     */
    private ExecutionControl connect(
            ExecutionEnv env, InputStream in, OutputStream out, VirtualMachine vm, Process launched)
            throws IOException {
        Map<String, OutputStream> outputs = new HashMap<>();
        outputs.put("out", env.userOut());
        outputs.put("err", env.userErr());
        Map<String, InputStream> inputs = new HashMap<>();
        inputs.put("in", env.userIn());
        // Buffered: JShell's reader takes its packets (at most 127 bytes of output each) a few
        // bytes at a time.
        return Util.remoteInputOutput(
                new java.io.BufferedInputStream(in, 1 << 16),
                out,
                outputs,
                inputs,
                (objIn, objOut) -> control = new Control(objOut, objIn, vm, launched));
    }

    /**
     * Opens one end of a named pipe, which waits for the session to open the other end; gives up
     * (opening the other end itself, to free the waiting thread) when the session JVM ends or does
     * not get there in time.
     */
    @SuppressWarnings("unchecked")
    private static <T> T open(
            Path fifo, boolean read, Process launched, StreamTail stderr, long deadline)
            throws IOException {
        java.util.concurrent.FutureTask<Object> task =
                new java.util.concurrent.FutureTask<>(
                        () ->
                                read
                                        ? new java.io.FileInputStream(fifo.toFile())
                                        : new java.io.FileOutputStream(fifo.toFile()));
        Thread opener = new Thread(task, "nnwiki-session-open");
        opener.setDaemon(true);
        opener.start();
        while (true) {
            try {
                return (T) task.get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                boolean ended = !launched.isAlive();
                if (ended || System.nanoTime() > deadline) {
                    try (java.io.RandomAccessFile unblock =
                            new java.io.RandomAccessFile(fifo.toFile(), "rw")) {
                        task.get(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception ignored) {
                        // the opener is a daemon thread
                    }
                    if (ended) {
                        try {
                            launched.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                        }
                        throw new IOException(
                                "the session JVM ended as it started (exit "
                                        + launched.exitValue()
                                        + ")"
                                        + stderr.textAtEnd());
                    }
                    launched.destroyForcibly();
                    throw new IOException(
                            "the session JVM did not connect within "
                                    + LAUNCH_TIMEOUT_MS / 1000
                                    + " s"
                                    + stderr.text());
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(
                        "cannot open " + fifo + ": " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the session started", e);
            }
        }
    }

    /**
     * The last few kilobytes a stream printed, read by a thread of its own so the process never
     * blocks on it.
     */
    private static final class StreamTail {
        private static final int KEEP = 4096;
        private final StringBuilder tail = new StringBuilder();
        private Thread reader;

        static StreamTail drain(InputStream in, String name) {
            StreamTail t = new StreamTail();
            Thread thread =
                    new Thread(
                            () -> {
                                byte[] buf = new byte[4096];
                                try (in) {
                                    for (int n; (n = in.read(buf)) >= 0; ) {
                                        synchronized (t) {
                                            t.tail.append(
                                                    new String(
                                                            buf,
                                                            0,
                                                            n,
                                                            java.nio.charset.StandardCharsets
                                                                    .UTF_8));
                                            if (t.tail.length() > 2 * KEEP) {
                                                t.tail.delete(0, t.tail.length() - KEEP);
                                            }
                                        }
                                    }
                                } catch (IOException e) {
                                    // the process ended
                                }
                            },
                            name);
            thread.setDaemon(true);
            t.reader = thread;
            thread.start();
            return t;
        }

        /**
         * What the process printed, once it has ended: waits up to 2 s for its reader to have read
         * something or reached the end of the stream, so that the reason a JVM gave for not
         * starting is not lost to the race with the reader ("Unrecognized VM option" was missing
         * from some reports). The stream's end can come late (the sandbox's own processes hold it
         * open).
         */
        String textAtEnd() {
            long deadline = System.nanoTime() + 2_000_000_000L;
            try {
                while (reader.isAlive() && text().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return text();
        }

        /** What was printed, as ": text" for a message, or empty. */
        synchronized String text() {
            String s = tail.toString().strip();
            return s.isEmpty()
                    ? ""
                    : ": " + (s.length() > KEEP ? s.substring(s.length() - KEEP) : s);
        }
    }

    /** A JDWP connection over a pair of pipes, for JDI. */
    private static final class JdwpPipes extends com.sun.jdi.connect.spi.Connection {
        private static final byte[] HANDSHAKE =
                "JDWP-Handshake".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private final java.io.DataInputStream in;
        private final OutputStream out;
        private volatile boolean open = true;

        private JdwpPipes(InputStream in, OutputStream out) {
            this.in = new java.io.DataInputStream(new java.io.BufferedInputStream(in, 1 << 14));
            this.out = out;
        }

        static JdwpPipes handshake(InputStream in, OutputStream out) throws IOException {
            JdwpPipes p = new JdwpPipes(in, out);
            out.write(HANDSHAKE);
            out.flush();
            byte[] reply = new byte[HANDSHAKE.length];
            p.in.readFully(reply);
            if (!java.util.Arrays.equals(reply, HANDSHAKE)) {
                throw new IOException("unexpected JDWP handshake reply");
            }
            return p;
        }

        @Override
        public byte[] readPacket() throws IOException {
            if (!open) {
                throw new com.sun.jdi.connect.spi.ClosedConnectionException();
            }
            int first = in.read();
            if (first < 0) {
                return new byte[0];
            }
            byte[] rest = new byte[3];
            in.readFully(rest);
            int n =
                    (first << 24)
                            | ((rest[0] & 0xff) << 16)
                            | ((rest[1] & 0xff) << 8)
                            | (rest[2] & 0xff);
            if (n < 11) {
                throw new IOException("bad JDWP packet length " + n);
            }
            byte[] packet = new byte[n];
            packet[0] = (byte) first;
            System.arraycopy(rest, 0, packet, 1, 3);
            in.readFully(packet, 4, n - 4);
            return packet;
        }

        @Override
        public synchronized void writePacket(byte[] packet) throws IOException {
            if (!open) {
                throw new com.sun.jdi.connect.spi.ClosedConnectionException();
            }
            out.write(packet);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            open = false;
            try {
                out.close();
            } finally {
                in.close();
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }

    /**
     * The generator's end of a session: JShell's commands over the socket, stop and redefine
     * through JDI.
     */
    private static final class Control extends JdiExecutionControl {
        private final VirtualMachine vm;
        private final Process process;
        private final Object stopLock = new Object();
        private boolean userCodeRunning;

        /**
         * The class of the last snippet JShell ran ({@code do_it$}), for {@link
         * SessionEngine#showValue}.
         */
        private volatile String lastSnippetClass;

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
        public String invoke(String className, String methodName)
                throws RunException, EngineTerminationException, InternalException {
            if (!className.equals(SessionProbe.class.getName())) {
                lastSnippetClass = null;
            }
            synchronized (stopLock) {
                userCodeRunning = true;
            }
            try {
                String value = super.invoke(className, methodName);
                if (!className.equals(SessionProbe.class.getName())
                        && methodName.equals("do_it$")) {
                    lastSnippetClass = className;
                }
                return value;
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
                // Thread by thread, not vm.suspend(): in a sandbox the JDWP connection itself runs
                // through threads of the session JVM (SessionAgent's pumps), which must keep
                // running.
                try {
                    for (ThreadReference thread : vm.allThreads()) {
                        if (thread.name().startsWith(SessionAgent.PUMP_THREAD)) {
                            continue;
                        }
                        thread.suspend();
                        ObjectReference control = null;
                        ObjectReference exception = null;
                        Field expectingStop = null;
                        try {
                            control = controlIn(thread);
                            if (control != null) {
                                Field inClientCode =
                                        control.referenceType().fieldByName("inClientCode");
                                expectingStop =
                                        control.referenceType().fieldByName("expectingStop");
                                if (((BooleanValue) control.getValue(inClientCode)).value()) {
                                    control.setValue(expectingStop, vm.mirrorOf(true));
                                    exception =
                                            (ObjectReference)
                                                    control.getValue(
                                                            control.referenceType()
                                                                    .fieldByName("stopException"));
                                }
                            }
                        } finally {
                            thread.resume();
                        }
                        if (control == null) {
                            continue;
                        }
                        if (exception != null) {
                            thread.stop(exception);
                            control.setValue(expectingStop, vm.mirrorOf(false));
                        }
                        return;
                    }
                } catch (com.sun.jdi.ClassNotLoadedException
                        | com.sun.jdi.IncompatibleThreadStateException
                        | com.sun.jdi.InvalidTypeException e) {
                    throw new InternalException("could not stop the block: " + e);
                } catch (com.sun.jdi.ObjectCollectedException
                        | com.sun.jdi.VMDisconnectedException e) {
                    // the thread or the session ended meanwhile
                }
            }
        }

        private static ObjectReference controlIn(ThreadReference thread)
                throws com.sun.jdi.IncompatibleThreadStateException {
            for (StackFrame frame : thread.frames()) {
                String method = frame.location().method().name();
                if (AGENT_CONTROL.equals(frame.location().declaringType().name())
                        && (method.equals("invoke") || method.equals("varValue"))) {
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

    /**
     * The agent's class files, copied once per generator JVM into a folder the session JVMs put on
     * their class path.
     */
    static final class AgentFiles {
        private static Path folder;
        private static Path launcherHome;
        private static boolean launcherTried;

        /**
         * A folder with {@code bin/java}: a shell script that changes into the folder named by the
         * {@code -Dnnwiki.scratch=} option among its arguments and runs this JDK's {@code java}
         * with them all, with an empty environment (but PATH, LANG and HOME, the scratch folder).
         * JDI's launcher takes a JDK home, not a working folder. Null on Windows (no POSIX shell):
         * sessions then start in the generator's folder.
         */
        static synchronized Path launcherHome() {
            if (!launcherTried) {
                launcherTried = true;
                Path java = Path.of(System.getProperty("java.home"), "bin", "java");
                if (!System.getProperty("os.name").startsWith("Windows")
                        && Files.isExecutable(java)
                        && Files.isExecutable(Path.of("/bin/sh"))
                        && Files.isExecutable(Path.of("/usr/bin/env"))) {
                    try {
                        Path bin =
                                Files.createDirectories(
                                        folder().resolveSibling(
                                                        folder().getFileName() + "-launcher")
                                                .resolve("bin"));
                        Path script = bin.resolve("java");
                        // No environment of the build reaches page code (CI keeps its secrets
                        // there).
                        Files.writeString(
                                script,
                                "#!/bin/sh\n"
                                        + "for a in \"$@\"; do case \"$a\" in -Dnnwiki.scratch=*) cd \"${a#-Dnnwiki.scratch=}\" || exit 1;; esac; done\n"
                                        + "exec /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=\"$PWD\" '"
                                        + java.toString().replace("'", "'\\''")
                                        + "' \"$@\"\n");
                        script.toFile().setExecutable(true);
                        launcherHome = bin.getParent();
                        Path home = launcherHome;
                        Runtime.getRuntime()
                                .addShutdownHook(
                                        new Thread(
                                                () -> deleteTree(home), "nnwiki-launcher-cleanup"));
                    } catch (IOException e) {
                        launcherHome = null;
                    }
                }
            }
            return launcherHome;
        }

        private AgentFiles() {}

        /** The class file of {@code c}, one of the generator's own classes. */
        static byte[] classBytes(Class<?> c) {
            String file = c.getName().replace('.', '/') + ".class";
            try (InputStream in = c.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "the generator's class file " + file + " is missing");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read the generator's class file " + file + ": " + e.getMessage(),
                        e);
            }
        }

        static synchronized Path folder() {
            if (folder == null) {
                try {
                    Path dir = Files.createTempDirectory("nnwiki-agent");
                    for (Class<?> c :
                            List.of(
                                    SessionAgent.class,
                                    org.nnwiki.generator.execute.agent.UsageRecordingLoader.class,
                                    org.nnwiki.generator.execute.agent.CappedOutput.class,
                                    SessionControl.class)) {
                        Path target = dir.resolve(c.getName().replace('.', '/') + ".class");
                        Files.createDirectories(target.getParent());
                        Files.write(target, classBytes(c));
                    }
                    Runtime.getRuntime()
                            .addShutdownHook(
                                    new Thread(() -> deleteTree(dir), "nnwiki-agent-cleanup"));
                    folder = dir;
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot write the session agent's class files: " + e.getMessage(), e);
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
