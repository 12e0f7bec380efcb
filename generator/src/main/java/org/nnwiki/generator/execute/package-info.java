/**
 * Stage 4, execute: runs every page's {@code run} blocks in JShell sessions (one separate JVM per
 * session, pages in parallel), checks {@code expect=error} and {@code expected} blocks, and caches
 * each page's results. Returns data ({@link org.nnwiki.generator.execute.BlockResult}), never HTML.
 *
 * <p>How a session runs: {@code SessionPool} starts sessions ahead of need (each used by one page
 * session, then closed); {@code SessionEngine} launches the session JVM through JDI with the {@code
 * agent} package's {@code SessionAgent} as its main class (JShell's protocol on a socket without
 * Nagle's delay) and {@code UsageRecordingLoader} as its system class loader, which records every
 * class and resource of the session class path that the session looked up; {@code CompileRecorder}
 * records what the compiler read. {@code ClasspathContent} hashes exactly those files, and {@code
 * ResultCache} keys a page's results on them, so that editing a class re-runs the pages that used
 * it and no others.
 *
 * <p>With a {@code Sandbox} (bubblewrap on Linux) the session JVM starts inside it instead: its own
 * network, PID and mount namespaces, read-only class path and JDK, capped in-memory scratch
 * folders. It then talks to the generator through named pipes in a folder of its own (JShell's
 * protocol, and the JDWP connection that the agent carries to its debug agent on the sandbox's
 * loopback), not through sockets: Java reaches Unix sockets only through NIO channels, which close
 * for good when a thread that uses them has been interrupted, and stopping a block interrupts the
 * thread that runs it. {@code agent.CappedOutput} cuts a block's printed output in the session
 * itself.
 *
 * <p>The only libraries imported here are the JDK's {@code jdk.jshell} and {@code com.sun.jdi}; the
 * {@code agent} package runs inside session JVMs and uses the JDK only. Example code talks back
 * through one wire format on standard output, written by the examples module's display API: a line
 * {@code U+001E "nn-display " KIND " " BASE64(UTF-8 payload)} where KIND is {@code value} (a
 * block's last value as text), {@code svg} (a chart) or {@code table} (tab-separated rows, the
 * first row the header). Everything else printed is plain text.
 */
package org.nnwiki.generator.execute;
