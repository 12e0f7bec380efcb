package org.nnwiki.generator.execute.agent;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;

/**
 * The main class of a session JVM. It connects back to the generator on the port it is given and
 * serves JShell's execution protocol there, as the JDK's own agent does, with one difference: the
 * socket sends small packets at once (TCP_NODELAY). JShell's protocol writes a command or a reply
 * as several small writes, and with Nagle's algorithm each exchange waited for a delayed
 * acknowledgement: about 180 ms per snippet, the largest part of a trivial block's time (measured:
 * 183 ms per evaluation with the JDK's agent, 13–17 ms with this one).
 *
 * <p>In a sandbox ({@code --fifo FOLDER PORT}) the session has no network but its own loopback, so
 * it talks to the generator through four named pipes in a folder both can reach: two for JShell's
 * protocol and two that carry the JDWP connection (by which a block that runs too long is stopped)
 * to the debug agent listening on {@code PORT} of the sandbox's loopback. Pipes, not Unix sockets:
 * Java reaches Unix sockets only through NIO channels, and a channel closes for good when a thread
 * that uses it has been interrupted, which is what stopping a block does to the thread that runs
 * it.
 *
 * <p>It runs in the session JVM with nothing but the JDK on its class path, so it uses the JDK
 * only.
 */
public final class SessionAgent {
    /** Names of the threads that carry the JDWP connection: the generator never suspends them. */
    public static final String PUMP_THREAD = "nnwiki-jdwp-pump";

    /** The pipes in the order both ends open them (each open waits for the other end's). */
    public static final String[] FIFOS = {"debug-in", "debug-out", "control-in", "control-out"};

    private SessionAgent() {}

    public static void main(String[] args) throws Exception {
        InputStream in;
        OutputStream out;
        if (args[0].equals("--fifo")) {
            String dir = args[1];
            InputStream debugIn = new FileInputStream(dir + "/" + FIFOS[0]);
            OutputStream debugOut = new FileOutputStream(dir + "/" + FIFOS[1]);
            bridgeDebugger(debugIn, debugOut, Integer.parseInt(args[2]));
            in = new BufferedInputStream(new FileInputStream(dir + "/" + FIFOS[2]), 1 << 16);
            out = new FileOutputStream(dir + "/" + FIFOS[3]);
        } else {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }
        long cap = Long.getLong("nnwiki.outputCap", Long.MAX_VALUE);
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put(
                "out",
                s ->
                        System.setOut(
                                new PrintStream(
                                        new CappedOutput(s, cap), true, StandardCharsets.UTF_8)));
        outputs.put(
                "err",
                s ->
                        System.setErr(
                                new PrintStream(
                                        new CappedOutput(s, cap), true, StandardCharsets.UTF_8)));
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("in", System::setIn);
        Util.forwardExecutionControlAndIO(new SessionControl(), in, out, outputs, inputs);
    }

    /** Connects the debug agent's port to the generator's debug pipes, a thread per direction. */
    private static void bridgeDebugger(
            InputStream fromGenerator, OutputStream toGenerator, int port) throws Exception {
        Socket jdwp = null;
        for (int attempt = 0; jdwp == null; attempt++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                s.setTcpNoDelay(true);
                jdwp = s;
            } catch (IOException e) {
                s.close();
                if (attempt == 200) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
        pump(jdwp.getInputStream(), toGenerator, PUMP_THREAD + "-out");
        pump(fromGenerator, jdwp.getOutputStream(), PUMP_THREAD + "-in");
    }

    private static void pump(InputStream from, OutputStream to, String name) {
        Thread t =
                new Thread(
                        () -> {
                            byte[] buf = new byte[8192];
                            try (from;
                                    to) {
                                for (int n; (n = from.read(buf)) >= 0; ) {
                                    to.write(buf, 0, n);
                                    to.flush();
                                }
                            } catch (IOException e) {
                                // the other end closed: the session is ending
                            }
                        },
                        name);
        t.setDaemon(true);
        t.start();
    }
}
