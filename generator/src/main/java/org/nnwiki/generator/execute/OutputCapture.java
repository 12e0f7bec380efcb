package org.nnwiki.generator.execute;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Receives a session JVM's standard output, keeping at most {@code cap} bytes per block, and
 * notices barrier markers. JShell forwards remote output on its own thread, so a block's last lines
 * may arrive after {@code eval} returns; the session prints a barrier after each block and waits
 * for it.
 */
final class OutputCapture extends OutputStream {
    static final String BARRIER = org.nnwiki.generator.execute.agent.CappedOutput.BARRIER;
    private static final java.util.regex.Pattern DROPPED =
            java.util.regex.Pattern.compile(
                    java.util.regex.Pattern.quote(
                                    org.nnwiki.generator.execute.agent.CappedOutput.DROPPED)
                            + "(\\d+)\u001F\n");
    private static final byte[] MARK = BARRIER.getBytes(StandardCharsets.UTF_8);

    private final long cap;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long dropped;
    private int matched;
    private long barriers;

    OutputCapture(long cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        if (buffer.size() < cap) {
            buffer.write(b);
        } else {
            dropped++;
        }
        if (b == MARK[matched]) {
            matched++;
            if (matched == MARK.length) {
                matched = 0;
                barriers++;
                notifyAll();
            }
        } else {
            matched = b == MARK[0] ? 1 : 0;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            write(b[off + i]);
        }
    }

    synchronized long barriers() {
        return barriers;
    }

    /** Waits until more than {@code seen} barriers arrived; false on timeout. */
    synchronized boolean awaitBarrier(long seen, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (barriers <= seen) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Everything captured since the last drain, barrier markers removed, and the bytes dropped. */
    synchronized Drained drain() {
        String text = buffer.toString(StandardCharsets.UTF_8).replace(BARRIER, "");
        long droppedAtSource = 0;
        if (text.contains(org.nnwiki.generator.execute.agent.CappedOutput.DROPPED)) {
            java.util.regex.Matcher m = DROPPED.matcher(text);
            StringBuilder kept = new StringBuilder();
            while (m.find()) {
                droppedAtSource += Long.parseLong(m.group(1));
                m.appendReplacement(kept, "");
            }
            m.appendTail(kept);
            text = kept.toString();
        }
        Drained d = new Drained(text, dropped + droppedAtSource);
        buffer.reset();
        dropped = 0;
        return d;
    }

    record Drained(String text, long droppedBytes) {}
}
