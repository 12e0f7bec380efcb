package org.nnwiki.generator.execute;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sessions started ahead of need. Starting one (a JVM, a JShell with its compiler, the prelude)
 * takes about a second of mostly single-threaded work; the pool does it in the background while
 * earlier pages run, so that a page finds its session ready. Every session is still used once and
 * then closed: a page never sees another page's state. A session taken from the pool has run
 * exactly what a new one would have run (the prelude and nothing else).
 *
 * <p>The build tells the pool how many sessions it will take ({@link #expect}); the pool never
 * starts more than that, plus {@link #keepWarm} for the preview server's next rebuild.
 */
final class SessionPool implements AutoCloseable {
    private static SessionPool shared;
    private static int keepWarm;

    private final SessionSpec spec;
    private final String commit;
    private final String key;
    private final int ahead;
    private final ExecutorService starter;
    private final Deque<CompletableFuture<Session>> ready = new ArrayDeque<>();
    private int expected;
    private boolean closed;

    /** The file manager every session of this pool reads the session class path through. */
    private final CompileRecorder.Shared files;

    SessionPool(SessionSpec spec, String commit, String key, int ahead) {
        this.spec = spec;
        this.commit = commit;
        this.key = key;
        this.ahead = Math.max(1, ahead);
        this.files = new CompileRecorder.Shared(spec.classpath());
        this.starter =
                Executors.newFixedThreadPool(
                        this.ahead,
                        r -> {
                            Thread t = new Thread(r, "nnwiki-session-start");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * The pool for these settings, reused across the builds of one generator process (the preview
     * server) while the settings, the commit and {@code key} (the session class path's content)
     * stay the same; a pool for other settings is closed.
     */
    static synchronized SessionPool shared(SessionSpec spec, String commit, String key, int ahead) {
        if (shared != null
                && !(shared.spec.equals(spec)
                        && shared.commit.equals(commit)
                        && shared.key.equals(key)
                        && shared.ahead == ahead)) {
            shared.close();
            shared = null;
        }
        if (shared == null) {
            shared = new SessionPool(spec, commit, key, ahead);
        }
        return shared;
    }

    /**
     * How many started sessions to keep between builds (the preview server keeps some; a one-off
     * build none).
     */
    static synchronized void keepWarm(int sessions) {
        keepWarm = Math.max(0, sessions);
    }

    /**
     * The current build will take {@code sessions} more sessions: start up to {@code ahead} of them
     * now.
     */
    synchronized void expect(int sessions) {
        expected += sessions;
        refill();
    }

    /** A started session (its prelude run), waiting for one if none is ready. */
    Session take() {
        CompletableFuture<Session> next;
        synchronized (this) {
            if (expected > 0) {
                expected--;
            }
            next = ready.poll();
            refill();
        }
        if (next == null) {
            return start();
        }
        try {
            Session s = next.get();
            if (s.ended()) {
                s.close();
                return start();
            }
            return s;
        } catch (ExecutionException e) {
            return start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a session", e);
        }
    }

    /**
     * The build is over: keep {@link #keepWarm} sessions started for the next one and close the
     * rest.
     */
    synchronized void idle() {
        expected = 0;
        while (ready.size() > keepWarm) {
            ready.pollLast().thenAccept(Session::close);
        }
        refill();
    }

    private void refill() {
        int wanted = Math.min(ahead, expected + keepWarm);
        while (!closed && ready.size() < wanted) {
            ready.add(CompletableFuture.supplyAsync(this::start, starter));
        }
    }

    private Session start() {
        Session s = new Session(spec, commit, files);
        s.start();
        return s;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (CompletableFuture<Session> f : ready) {
            f.thenAccept(Session::close);
        }
        ready.clear();
        starter.shutdown();
        files.release();
    }

    /** Closes the shared pool (end of a build command). */
    static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }
}
