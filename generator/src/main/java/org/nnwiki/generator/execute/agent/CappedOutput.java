package org.nnwiki.generator.execute.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A session's standard output, cut at the source: after {@code cap} bytes in one block (the bytes
 * between two of the generator's end-of-block markers) the rest is counted, not sent, and the count
 * goes to the generator just before the next marker. A page that prints a billion characters then
 * costs its own session a second, not the build minutes of transfer.
 */
public final class CappedOutput extends OutputStream {
    /** The generator's end-of-block marker (see the generator's {@code OutputCapture}). */
    public static final String BARRIER = "\u001E\u001Fnn-barrier\u001F\n";

    /**
     * Sent before a marker when bytes were dropped: this prefix, the count, then {@code \u001F\n}.
     */
    public static final String DROPPED = "\u001E\u001Fnn-dropped ";

    private static final byte[] MARK = BARRIER.getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private final long cap;
    private long sent;
    private long dropped;
    private int matched;

    public CappedOutput(OutputStream out, long cap) {
        this.out = out;
        this.cap = cap;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == MARK[matched]) {
                matched++;
                if (matched == MARK.length) {
                    // b[start, i] ends with the marker (or its tail, when it began in an earlier
                    // write)
                    int markerStart = Math.max(start, i + 1 - MARK.length);
                    pass(b, start, markerStart - start);
                    if (dropped > 0) {
                        out.write(
                                (DROPPED + dropped + "\u001F\n").getBytes(StandardCharsets.UTF_8));
                    }
                    out.write(b, markerStart, i + 1 - markerStart);
                    sent = 0;
                    dropped = 0;
                    matched = 0;
                    start = i + 1;
                }
            } else {
                matched = b[i] == MARK[0] ? 1 : 0;
            }
        }
        pass(b, start, end - start);
    }

    /** Sends what fits under the cap and counts the rest. */
    private void pass(byte[] b, int off, int len) throws IOException {
        long room = Math.max(0, cap - sent);
        int n = (int) Math.min(room, len);
        if (n > 0) {
            out.write(b, off, n);
            sent += n;
        }
        dropped += len - n;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
