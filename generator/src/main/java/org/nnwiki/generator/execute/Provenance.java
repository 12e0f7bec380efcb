package org.nnwiki.generator.execute;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Where and when a block's result was computed, read inside its session's JVM: shown in the
 * execution report and the JUnit XML (never in page HTML, which stays the same on every machine).
 *
 * @param jdk the session JVM's vendor and version
 * @param os operating system and architecture
 * @param vectorBits the Vector API's preferred vector width in the session, or 0 without the Vector
 *     API
 * @param threads processors the session JVM saw
 * @param commit the repository's commit, with "+changes" when the working tree differed from it
 * @param computedAt when the block ran (for cached results: when they were computed)
 */
public record Provenance(
        String jdk, String os, int vectorBits, int threads, String commit, Instant computedAt)
        implements Serializable {

    /**
     * Parses the value of {@code SessionProbe.provenance()} (JShell quotes string values); unknown
     * parts stay empty.
     */
    static Provenance parse(String probeValue, String commit, Instant at) {
        String v = probeValue == null ? "" : probeValue.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        String[] parts = v.split("\\|", -1);
        return new Provenance(
                part(parts, 0), part(parts, 1), intPart(parts, 3), intPart(parts, 2), commit, at);
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? parts[i] : "";
    }

    private static int intPart(String[] parts, int i) {
        try {
            return Integer.parseInt(part(parts, i).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * One line for people: "OpenJDK 17.0.15, Linux amd64, 512-bit vectors, 2 threads, commit
     * 1a2b3c4, 2026-12-01T10:00:00Z".
     */
    public String describe() {
        return jdk
                + ", "
                + os
                + ", "
                + (vectorBits > 0 ? vectorBits + "-bit vectors" : "no Vector API")
                + ", "
                + threads
                + " threads, commit "
                + commit
                + ", computed "
                + computedAt;
    }

    /**
     * The commit checked out in {@code root} ("+changes" when files differ from it), or "unknown"
     * outside git.
     */
    public static String commitOf(Path root) {
        String head = git(root, "rev-parse", "--short=12", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        return git(root, "status", "--porcelain", "--untracked-files=no").isEmpty()
                ? head
                : head + "+changes";
    }

    private static String git(Path root, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = root.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out =
                    new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return "";
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
