package org.nnwiki.generator.execute.agent;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The main class of a session JVM. It connects back to the generator on the port it is given and
 * serves JShell's execution protocol there, as the JDK's own agent does, with one difference: the
 * socket sends small packets at once (TCP_NODELAY). JShell's protocol writes a command or a reply as
 * several small writes, and with Nagle's algorithm each exchange waited for a delayed acknowledgement:
 * about 180 ms per snippet, the largest part of a trivial block's time (measured: 183 ms per
 * evaluation with the JDK's agent, 13–17 ms with this one).
 *
 * <p>It runs in the session JVM with nothing but the JDK on its class path, so it uses the JDK only.
 */
public final class SessionAgent {
    private SessionAgent() {}

    public static void main(String[] args) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", s -> System.setOut(new PrintStream(s, true, StandardCharsets.UTF_8)));
        outputs.put("err", s -> System.setErr(new PrintStream(s, true, StandardCharsets.UTF_8)));
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("in", System::setIn);
        Util.forwardExecutionControlAndIO(new RemoteExecutionControl(), in, out, outputs, inputs);
    }
}
