package org.nnwiki.generator.execute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs session JVMs under bubblewrap ({@code bwrap}) on Linux. Inside, a session sees the system's
 * {@code /usr} and the JDK read-only, the session class path and the configured data paths
 * read-only, a fresh, size-capped {@code /tmp} and scratch folder as the only places it can write,
 * no network (its own network namespace, where only loopback exists), its own PID namespace
 * (whatever it starts dies with it), no environment variables of the build and no capabilities. It
 * talks to the generator through named pipes in a folder of its own ({@code ipc}), the one host
 * folder it can write.
 *
 * <p>Not here: what a page may print, how long it runs and how much heap it takes, which the
 * session itself bounds on every OS.
 */
public final class Sandbox {
    /** How the configuration asks for the sandbox. */
    public enum Mode {
        /** Use bwrap when it works here; say once per build when it does not. */
        AUTO,
        /** Fail the build when bwrap does not work here. */
        REQUIRED,
        /** Never use it. */
        OFF;

        /** {@code auto}, {@code required} or {@code off}; null for anything else. */
        public static Mode parse(String s) {
            for (Mode m : values()) {
                if (m.name().toLowerCase(Locale.ROOT).equals(s.strip().toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            return null;
        }
    }

    /** The default size of the session's writable {@code /tmp} and of its scratch folder, each. */
    public static final long DEFAULT_SCRATCH_BYTES = 256L << 20;

    /** The JDWP port inside the sandbox's own network namespace, where nothing else listens. */
    static final int JDWP_PORT = 47_001;

    private final Path bwrap;
    private final List<String> readable;
    private final long scratchBytes;

    /**
     * @param bwrap the bwrap program
     * @param readable absolute paths the session may read (class path entries, data folders)
     * @param scratchBytes size of the writable {@code /tmp} and of the scratch folder
     */
    Sandbox(Path bwrap, List<String> readable, long scratchBytes) {
        this.bwrap = bwrap;
        this.readable = List.copyOf(readable);
        this.scratchBytes = scratchBytes;
    }

    /** The bwrap program on the PATH (or in /usr/bin), or null. */
    static Path findBwrap() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "bwrap"));
                }
            }
        }
        candidates.add(Path.of("/usr/bin/bwrap"));
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String probed;
    private static boolean probeDone;

    /**
     * Why bwrap cannot run sessions here, or null when it can: it is missing, or it cannot create
     * its namespaces (for example where unprivileged user namespaces are disabled). Tried once per
     * generator JVM by running {@code true} inside it (a few milliseconds).
     */
    public static synchronized String unavailable() {
        if (!probeDone) {
            probeDone = true;
            probed = probe();
        }
        return probed;
    }

    private static String probe() {
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "bwrap runs on Linux only (this is " + System.getProperty("os.name") + ")";
        }
        Path bwrap = findBwrap();
        if (bwrap == null) {
            return "bwrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)";
        }
        Path scratch = null;
        Path ipc = null;
        try {
            scratch = Files.createTempDirectory("nnwiki-probe");
            ipc = Files.createTempDirectory("nnwiki-probe-ipc");
            Sandbox s = new Sandbox(bwrap, List.of(), 1 << 20);
            Path yes =
                    Files.isExecutable(Path.of("/usr/bin/true"))
                            ? Path.of("/usr/bin/true")
                            : Path.of("/bin/true");
            List<String> argv = s.command(yes, List.of(), scratch, ipc, List.of());
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return bwrap + " did not finish a test run within 30 s";
            }
            if (p.exitValue() != 0) {
                return bwrap
                        + " cannot create a sandbox here ("
                        + new String(out, StandardCharsets.UTF_8)
                                .strip()
                                .lines()
                                .findFirst()
                                .orElse("exit " + p.exitValue())
                        + "); on Ubuntu 24.04 allow unprivileged user namespaces: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0";
            }
            return null;
        } catch (IOException e) {
            return "cannot run " + bwrap + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while trying " + bwrap;
        } finally {
            if (scratch != null) {
                SessionEngine.AgentFiles.deleteTree(scratch);
            }
            if (ipc != null) {
                SessionEngine.AgentFiles.deleteTree(ipc);
            }
        }
    }

    private static List<String> linkTargets;

    /**
     * Files outside {@code /usr} and the JDK that the JDK's {@code conf} and {@code lib} folders
     * link to: Debian's JDKs keep {@code java.security} and the CA certificates in {@code /etc}.
     */
    private static synchronized List<String> jdkLinkTargets(Path jdk) throws IOException {
        if (linkTargets == null) {
            Set<String> out = new LinkedHashSet<>();
            for (String sub : List.of("conf", "lib")) {
                Path dir = jdk.resolve(sub);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (var walk = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) walk::iterator) {
                        if (Files.isSymbolicLink(p) && Files.exists(p)) {
                            Path target = p.toRealPath();
                            if (!target.startsWith(jdk) && !target.startsWith("/usr/")) {
                                out.add(target.toString());
                            }
                        }
                    }
                }
            }
            linkTargets = List.copyOf(out);
        }
        return linkTargets;
    }

    /** This JDK's {@code java} launcher, symlinks resolved. */
    static Path javaProgram() throws IOException {
        return Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    }

    /**
     * The command line that runs {@code java} with {@code args} in the sandbox, in {@code scratch}
     * (an empty, size-capped folder at that path inside), with {@code ipc} the one host folder it
     * can write.
     */
    List<String> command(
            Path java, List<String> args, Path scratch, Path ipc, List<Path> alsoReadable)
            throws IOException {
        List<String> c =
                new ArrayList<>(
                        List.of(
                                bwrap.toString(),
                                "--unshare-all",
                                "--die-with-parent",
                                "--new-session",
                                "--cap-drop",
                                "ALL",
                                "--hostname",
                                "nnwiki",
                                "--clearenv",
                                "--setenv",
                                "PATH",
                                "/usr/bin:/bin",
                                "--setenv",
                                "HOME",
                                scratch.toString(),
                                "--setenv",
                                "LANG",
                                "C.UTF-8",
                                "--setenv",
                                "TMPDIR",
                                "/tmp"));
        c.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                c.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
            } else if (Files.isDirectory(p)) {
                c.addAll(List.of("--ro-bind", top, top));
            }
        }
        // The dynamic linker's cache and configuration; nothing else of /etc (no users, no hosts,
        // no secrets).
        for (String etc : List.of("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d")) {
            c.addAll(List.of("--ro-bind-try", etc, etc));
        }
        c.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        c.addAll(List.of("--size", Long.toString(scratchBytes), "--tmpfs", "/tmp"));
        Set<String> ro = new LinkedHashSet<>();
        Path jdk = Path.of(System.getProperty("java.home")).toRealPath();
        if (!jdk.startsWith("/usr/")) {
            ro.add(jdk.toString());
        }
        ro.addAll(jdkLinkTargets(jdk));
        List<String> all = new ArrayList<>(readable);
        alsoReadable.forEach(p -> all.add(p.toString()));
        for (String r : all) {
            Path p = Path.of(r).toAbsolutePath().normalize();
            if (Files.exists(p)) {
                ro.add(p.toString());
            }
        }
        for (String r : ro) {
            c.addAll(List.of("--ro-bind", r, r));
        }
        c.addAll(List.of("--bind", ipc.toString(), ipc.toString()));
        c.addAll(
                List.of(
                        "--size",
                        Long.toString(scratchBytes),
                        "--tmpfs",
                        scratch.toString(),
                        "--chdir",
                        scratch.toString()));
        c.add("--");
        c.add(java.toString());
        c.addAll(args);
        return c;
    }
}
