package org.nnwiki.generator.execute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnwiki.generator.markdown.CodeBlock;
import org.nnwiki.generator.markdown.ParsedPage;

/**
 * What every example of a build did: run time, peak heap, cache status and verdict. It is written
 * twice: as a script the site's report page and each page's run-time badges read (so page HTML
 * stays byte-identical between builds), and as JUnit XML for CI.
 *
 * <pre>{@code
 * List<ExecutionReport.Entry> entries = ExecutionReport.entries(parsedPages, executed.pages(), titles, outputs);
 * Files.writeString(site.resolve(GeneratedPages.TIMINGS), ExecutionReport.timingsScript(entries)); // data/timings.js
 * Files.writeString(junitFile, ExecutionReport.junitXml(entries));
 * }</pre>
 */
public final class ExecutionReport {
    private ExecutionReport() {}

    /**
     * One run block. {@code problem} is empty when the block did what the page says; {@code
     * provenance} says where and when it was computed (null when it did not run).
     */
    public record Entry(
            String source,
            String title,
            String url,
            int line,
            int cell,
            long millis,
            long peakHeapBytes,
            boolean cached,
            boolean expectError,
            String problem,
            Provenance provenance) {
        public boolean passed() {
            return problem.isEmpty();
        }
    }

    public static List<Entry> entries(
            List<ParsedPage> pages,
            Map<String, PageResult> results,
            Map<String, String> titles,
            Map<String, String> outputs) {
        List<Entry> out = new ArrayList<>();
        for (ParsedPage page : pages) {
            PageResult result = results.get(page.source());
            for (CodeBlock block : page.runBlocks()) {
                BlockResult r = result == null ? null : result.byOrdinal().get(block.ordinal());
                out.add(
                        new Entry(
                                page.source(),
                                titles.getOrDefault(page.source(), page.source()),
                                outputs.getOrDefault(page.source(), ""),
                                block.line(),
                                block.ordinal() + 1,
                                r == null ? 0 : r.millis(),
                                r == null ? 0 : r.peakHeapBytes(),
                                result != null && result.cached(),
                                block.info().expectError(),
                                problemOf(block, r),
                                r == null ? null : r.provenance()));
            }
        }
        return out;
    }

    /** Why the block did not do what its page says, or "". */
    static String problemOf(CodeBlock block, BlockResult r) {
        if (r == null) {
            return "not run";
        }
        Failure f = r.failure();
        if (block.info().expectError()) {
            return f == null ? "marked expect=error but ran without an error" : "";
        }
        if (f != null) {
            return f.kind().label() + ": " + f.message();
        }
        CodeBlock.Expected expected = block.expected();
        if (expected != null
                && ExpectedCheck.diff(expected.text(), r.shownText(), expected.tolerance())
                        != null) {
            return "the output differs from the expected block at line " + expected.line();
        }
        return "";
    }

    /**
     * {@code window.NNWIKI_TIMINGS = {...};} with pages slowest first and their blocks in page
     * order.
     */
    public static String timingsScript(List<Entry> entries) {
        Map<String, List<Entry>> byPage = new LinkedHashMap<>();
        entries.forEach(e -> byPage.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e));
        List<List<Entry>> pages = new ArrayList<>(byPage.values());
        pages.sort(
                Comparator.comparingLong(
                                (List<Entry> p) -> -p.stream().mapToLong(Entry::millis).sum())
                        .thenComparing(p -> p.get(0).source()));
        StringBuilder sb = new StringBuilder("window.NNWIKI_TIMINGS = {\"pages\": [");
        for (int i = 0; i < pages.size(); i++) {
            List<Entry> p = pages.get(i);
            Entry first = p.get(0);
            sb.append(i == 0 ? "\n" : ",\n")
                    .append("{\"source\": ")
                    .append(json(first.source()))
                    .append(", \"title\": ")
                    .append(json(first.title()))
                    .append(", \"url\": ")
                    .append(json(first.url()))
                    .append(", \"cached\": ")
                    .append(first.cached())
                    .append(", \"provenance\": ")
                    .append(provenanceJson(p))
                    .append(", \"millis\": ")
                    .append(p.stream().mapToLong(Entry::millis).sum())
                    .append(", \"peakHeapBytes\": ")
                    .append(p.stream().mapToLong(Entry::peakHeapBytes).max().orElse(0))
                    .append(", \"blocks\": [");
            for (int j = 0; j < p.size(); j++) {
                Entry e = p.get(j);
                sb.append(j == 0 ? "" : ", ")
                        .append("{\"cell\": ")
                        .append(e.cell())
                        .append(", \"line\": ")
                        .append(e.line())
                        .append(", \"millis\": ")
                        .append(e.millis())
                        .append(", \"peakHeapBytes\": ")
                        .append(e.peakHeapBytes())
                        .append(", \"passed\": ")
                        .append(e.passed())
                        .append(e.passed() ? "" : ", \"problem\": " + json(e.problem()))
                        .append('}');
            }
            sb.append("]}");
        }
        return sb.append("\n]};\n").toString();
    }

    /** The page's provenance as a JSON object (from its first block that ran), or null. */
    private static String provenanceJson(List<Entry> page) {
        Provenance p =
                page.stream()
                        .map(Entry::provenance)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        if (p == null) {
            return "null";
        }
        return "{\"jdk\": "
                + json(p.jdk())
                + ", \"os\": "
                + json(p.os())
                + ", \"vectorBits\": "
                + p.vectorBits()
                + ", \"threads\": "
                + p.threads()
                + ", \"commit\": "
                + json(p.commit())
                + ", \"computedAt\": "
                + json(p.computedAt().toString())
                + "}";
    }

    /** One test suite per page and one test case per run block, in the format CI tools read. */
    public static String junitXml(List<Entry> entries) {
        Map<String, List<Entry>> byPage = new LinkedHashMap<>();
        entries.forEach(e -> byPage.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e));
        long failures = entries.stream().filter(e -> !e.passed()).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"nnwiki examples\" tests=\"")
                .append(entries.size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" time=\"")
                .append(seconds(entries.stream().mapToLong(Entry::millis).sum()))
                .append("\">\n");
        for (List<Entry> page : byPage.values()) {
            Entry first = page.get(0);
            sb.append("  <testsuite name=\"")
                    .append(org.nnwiki.generator.Xml.attr(first.source()))
                    .append("\" tests=\"")
                    .append(page.size())
                    .append("\" failures=\"")
                    .append(page.stream().filter(e -> !e.passed()).count())
                    .append("\" time=\"")
                    .append(seconds(page.stream().mapToLong(Entry::millis).sum()))
                    .append("\">\n");
            page.stream()
                    .map(Entry::provenance)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .ifPresent(
                            p -> {
                                sb.append("    <properties>\n");
                                property(sb, "jdk", p.jdk());
                                property(sb, "os", p.os());
                                property(sb, "vectorBits", String.valueOf(p.vectorBits()));
                                property(sb, "threads", String.valueOf(p.threads()));
                                property(sb, "commit", p.commit());
                                property(sb, "computedAt", p.computedAt().toString());
                                property(sb, "cached", String.valueOf(first.cached()));
                                sb.append("    </properties>\n");
                            });
            for (Entry e : page) {
                sb.append("    <testcase classname=\"")
                        .append(org.nnwiki.generator.Xml.attr(e.source()))
                        .append("\" name=\"")
                        .append(
                                org.nnwiki.generator.Xml.attr(
                                        "cell "
                                                + e.cell()
                                                + " (line "
                                                + e.line()
                                                + ")"
                                                + (e.cached() ? " [cached]" : "")))
                        .append("\" file=\"")
                        .append(org.nnwiki.generator.Xml.attr(e.source()))
                        .append("\" line=\"")
                        .append(e.line())
                        .append("\" time=\"")
                        .append(seconds(e.millis()))
                        .append('"');
                sb.append(">\n");
                if (!e.passed()) {
                    sb.append("      <failure message=\"")
                            .append(org.nnwiki.generator.Xml.attr(e.problem()))
                            .append("\">")
                            .append(
                                    org.nnwiki.generator.Xml.attr(
                                            e.source() + ":" + e.line() + ": " + e.problem()))
                            .append("</failure>\n");
                }
                if (e.provenance() != null) {
                    sb.append("      <system-out>")
                            .append(
                                    org.nnwiki.generator.Xml.attr(
                                            (e.cached() ? "from the cache; " : "")
                                                    + "computed on "
                                                    + e.provenance().describe()))
                            .append("</system-out>\n");
                }
                sb.append("    </testcase>\n");
            }
            sb.append("  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }

    private static void property(StringBuilder sb, String name, String value) {
        sb.append("      <property name=\"")
                .append(name)
                .append("\" value=\"")
                .append(org.nnwiki.generator.Xml.attr(value))
                .append("\"/>\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String json(String s) {
        return org.nnwiki.generator.Json.string(s);
    }
}
