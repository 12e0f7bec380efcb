package org.nnwiki.generator.markdown;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A fence's validated info string: the language and the execution options that CONTRIBUTING.md
 * lists.
 *
 * @param language first word ({@code java}, {@code expected}, {@code text}, … or empty)
 * @param run run the block in the page's session
 * @param hide do not show the code (outputs still shown)
 * @param quiet do not show the outputs
 * @param expectError the block must fail
 * @param timeoutSeconds this block's time limit, or 0 for the site default
 * @param session the named session, or empty for the page's default one
 * @param include the {@code PATH#REGION} the code came from, or empty
 * @param tolerance for {@code expected} blocks: relative tolerance of numbers (default 1e-6)
 * @param varies the block's output is a measurement that changes between runs (timings): {@code
 *     --repeat} does not compare it
 * @param solution the block is the solution of the exercise right above it: shown folded, and run
 */
public record FenceInfo(
        String language,
        boolean run,
        boolean hide,
        boolean quiet,
        boolean expectError,
        int timeoutSeconds,
        String session,
        String include,
        double tolerance,
        boolean varies,
        boolean solution)
        implements Serializable {

    public static final double DEFAULT_TOLERANCE = 1e-6;
    static final String KNOWN =
            "run, hide, quiet, expect=error, timeout=SECONDS, session=NAME, include=PATH#REGION, varies, solution";

    public boolean isExpected() {
        return language.equals("expected");
    }

    /** What an inline value ({@code `{java} expr`} in the prose) starts with. */
    public static final String INLINE = "{java}";

    /**
     * An inline value's parts: {@code `{java} expr`}, or {@code `{java #name} expr`} for a value
     * that other pages may quote (see {@link #inlineParts}).
     *
     * @param name the value's name, null when it has none, or as written when it is not a valid one
     * @param expression the Java expression, stripped (may be empty)
     */
    public record InlineParts(String name, String expression) {}

    private static final java.util.regex.Pattern INLINE_VALUE =
            java.util.regex.Pattern.compile(
                    "\\{java(?:\\s+#([^}]*))?}(?:\\s+(.*))?", java.util.regex.Pattern.DOTALL);

    /** What a name of an inline value may be: it becomes an anchor in the page. */
    public static final java.util.regex.Pattern VALUE_NAME =
            java.util.regex.Pattern.compile("[a-z][a-z0-9-]*");

    /** The parts of an inline code span that is an inline value, or null when it is not one. */
    public static InlineParts inlineParts(String code) {
        java.util.regex.Matcher m = INLINE_VALUE.matcher(code);
        if (!m.matches()) {
            return null;
        }
        return new InlineParts(
                m.group(1) == null ? null : m.group(1).strip(),
                m.group(2) == null ? "" : m.group(2).strip());
    }

    /** The options of an inline value: it runs in the page's session, and shows only its text. */
    public static FenceInfo inlineValue() {
        return new FenceInfo(
                INLINE, true, true, false, false, 0, "", "", DEFAULT_TOLERANCE, false, false);
    }

    /** An inline value of the prose rather than a fenced block. */
    public boolean isInline() {
        return language.equals(INLINE);
    }

    /** The options that change what a run does (part of the cache key). */
    public String runOptions() {
        return "run"
                + (isInline() ? " inline" : "")
                + (expectError ? " expect=error" : "")
                + (timeoutSeconds > 0 ? " timeout=" + timeoutSeconds : "")
                + (session.isEmpty() ? "" : " session=" + session);
    }

    /**
     * Parses an info string; each problem found is added to {@code errors} (and the result is then
     * not to be used).
     */
    public static FenceInfo parse(String info, List<String> errors) {
        String[] words = info.strip().isEmpty() ? new String[0] : info.strip().split("\\s+");
        String language = words.length == 0 ? "" : words[0];
        boolean run = false,
                hide = false,
                quiet = false,
                expectError = false,
                varies = false,
                solution = false;
        int timeout = 0;
        String session = "";
        String include = "";
        double tol = DEFAULT_TOLERANCE;
        boolean expected = language.equals("expected");
        List<String> needRun = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            int eq = w.indexOf('=');
            String key = eq < 0 ? w : w.substring(0, eq);
            String value = eq < 0 ? null : w.substring(eq + 1);
            if (expected) {
                if (key.equals("tol") && value != null) {
                    try {
                        tol = Double.parseDouble(value);
                        if (!(tol >= 0) || Double.isInfinite(tol)) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        errors.add("'tol=' needs a non-negative number, not '" + value + "'");
                    }
                } else {
                    errors.add(
                            "unknown option '" + w + "' on an expected block (known: tol=NUMBER)");
                }
                continue;
            }
            switch (key) {
                case "run" -> run = flag(w, value, errors);
                case "hide" -> hide = needRun.add(w) && flag(w, value, errors);
                case "quiet" -> quiet = needRun.add(w) && flag(w, value, errors);
                case "varies" -> varies = needRun.add(w) && flag(w, value, errors);
                case "solution" -> solution = needRun.add(w) && flag(w, value, errors);
                case "expect" -> {
                    needRun.add(w);
                    if ("error".equals(value)) {
                        expectError = true;
                    } else {
                        errors.add("'" + w + "': the only expectation is 'expect=error'");
                    }
                }
                case "timeout" -> {
                    needRun.add(w);
                    OptionalInt t = positiveInt(value);
                    if (t.isPresent()) {
                        timeout = t.getAsInt();
                    } else {
                        errors.add("'" + w + "': give the limit in whole seconds, e.g. timeout=30");
                    }
                }
                case "session" -> {
                    needRun.add(w);
                    if (value != null && value.matches("[A-Za-z0-9_-]+")) {
                        session = value;
                    } else {
                        errors.add(
                                "'"
                                        + w
                                        + "': name the session with letters, digits, '-' or '_', e.g. session=second");
                    }
                }
                case "include" -> {
                    if (value != null && !value.isEmpty()) {
                        include = value;
                    } else {
                        errors.add(
                                "'"
                                        + w
                                        + "': give PATH#REGION, e.g. include=examples/src/main/java/Foo.java#train");
                    }
                }
                default -> errors.add("unknown fence option '" + w + "' (known: " + KNOWN + ")");
            }
        }
        if (!run) {
            for (String w : needRun) {
                errors.add(
                        "'"
                                + w
                                + "' only applies to blocks that run: add 'run' (```"
                                + language
                                + " run "
                                + w
                                + ")");
            }
        }
        if (run && !language.equals("java")) {
            errors.add(
                    "only java blocks can run, not '"
                            + (language.isEmpty() ? "(no language)" : language)
                            + "'");
        }
        return new FenceInfo(
                language,
                run,
                hide,
                quiet,
                expectError,
                timeout,
                session,
                include,
                tol,
                varies,
                solution);
    }

    private static boolean flag(String word, String value, List<String> errors) {
        if (value != null) {
            errors.add("'" + word + "' takes no value");
        }
        return true;
    }

    private static OptionalInt positiveInt(String value) {
        try {
            int n = Integer.parseInt(value);
            return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return OptionalInt.empty();
        }
    }
}
