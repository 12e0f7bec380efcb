package org.nnwiki.generator.cite;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.Value;
import org.nnwiki.generator.Problems;
import org.nnwiki.generator.markdown.Citation;
import org.nnwiki.generator.markdown.ParsedPage;

/**
 * The entries of the site's BibTeX file, each formatted once for the reference lists.
 *
 * <pre>{@code
 * Bibliography bib = Bibliography.load(root, Path.of("content/references.bib"), problems);
 * bib.check(parsedPages, problems);          // every [@key] names an entry
 * Reference r = bib.entries().get("he2016");  // the renderer shows it
 * }</pre>
 *
 * @param file the file's path as problems name it (relative to the site's root)
 * @param entries the formatted entries by key, in the file's order
 */
public record Bibliography(String file, Map<String, Reference> entries) {

    /**
     * One entry, ready to show.
     *
     * @param key its citation key
     * @param line its line in the BibTeX file
     * @param authors the authors as shown ("K. He, X. Zhang and J. Sun", "A et al.")
     * @param year the year
     * @param title the title, LaTeX turned into text
     * @param venue the journal with volume and pages, "In" the book title, or the publisher; may be
     *     empty
     * @param url the DOI's, arXiv's or the entry's own address; may be empty
     * @param linkText what the link says ("doi:…", "arXiv:…", the address)
     * @param label the short form for a citation's tooltip ("He et al. 2016")
     */
    public record Reference(
            String key,
            int line,
            String authors,
            String year,
            String title,
            String venue,
            String url,
            String linkText,
            String label) {}

    /** No bibliography: every citation is a problem. */
    public static Bibliography none(String file) {
        return new Bibliography(file, Map.of());
    }

    private static final Pattern ENTRY_START =
            Pattern.compile("^\\s*@\\s*(\\w+)\\s*[{(]\\s*([^,\\s]+)\\s*,");
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    /**
     * Reads and formats {@code file}; a missing file is an empty bibliography. Syntax errors,
     * duplicate keys and entries without author, title or year are problems at their line.
     */
    public static Bibliography load(Path root, Path file, Problems problems) {
        String name =
                root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        if (!Files.isRegularFile(file)) {
            return none(name);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(name, 0, "cannot read the bibliography: " + e.getMessage());
            return none(name);
        }
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ENTRY_START.matcher(lines[i]);
            if (m.find()
                    && !List.of("string", "preamble", "comment")
                            .contains(m.group(1).toLowerCase(Locale.ROOT))) {
                if (lineOf.putIfAbsent(m.group(2), i + 1) != null) {
                    problems.add(
                            name,
                            i + 1,
                            "the key '"
                                    + m.group(2)
                                    + "' is used twice (first at line "
                                    + lineOf.get(m.group(2))
                                    + "): give each entry its own key");
                }
            }
        }
        BibTeXDatabase database;
        try {
            database = new BibTeXParser().parse(new StringReader(text));
        } catch (Exception e) {
            // JBibTeX's messages say "... at line N, column M"
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            Matcher m = LINE.matcher(message);
            problems.add(
                    name,
                    m.find() ? Integer.parseInt(m.group(1)) : 0,
                    "the bibliography is not valid BibTeX: " + message);
            return none(name);
        }
        Map<String, Reference> entries = new LinkedHashMap<>();
        for (BibTeXEntry entry : database.getEntries().values()) {
            String key = entry.getKey().getValue();
            int line = lineOf.getOrDefault(key, 0);
            List<String> missing = new ArrayList<>();
            String authors = field(entry, BibTeXEntry.KEY_AUTHOR);
            if (authors.isEmpty()) {
                authors = field(entry, BibTeXEntry.KEY_EDITOR);
            }
            if (authors.isEmpty()) {
                missing.add("author");
            }
            String title = field(entry, BibTeXEntry.KEY_TITLE);
            if (title.isEmpty()) {
                missing.add("title");
            }
            String year = field(entry, BibTeXEntry.KEY_YEAR);
            if (year.isEmpty()) {
                missing.add("year");
            }
            if (!missing.isEmpty()) {
                problems.add(
                        name,
                        line,
                        "the entry '"
                                + key
                                + "' has no "
                                + String.join(", ", missing)
                                + ": the reference lists show them");
                continue;
            }
            entries.put(key, format(entry, key, line, names(authors), title, year));
        }
        return new Bibliography(name, java.util.Collections.unmodifiableMap(entries));
    }

    /** Every citation of every page names an entry; each unknown key is a problem at its line. */
    public void check(List<ParsedPage> pages, Problems problems) {
        for (ParsedPage page : pages) {
            for (Citation c : page.citations()) {
                for (Citation.Item item : c.items()) {
                    if (!entries.containsKey(item.key())) {
                        problems.add(
                                page.source(),
                                c.line(),
                                "no bibliography entry '"
                                        + item.key()
                                        + "': add it to "
                                        + file
                                        + suggestion(item.key()));
                    }
                }
            }
        }
    }

    private String suggestion(String key) {
        return entries.keySet().stream()
                .filter(k -> k.equalsIgnoreCase(key))
                .findFirst()
                .map(k -> " (keys are case-sensitive: did you mean '" + k + "'?)")
                .orElse(entries.isEmpty() ? " (it has no entries yet)" : "");
    }

    private static Reference format(
            BibTeXEntry entry,
            String key,
            int line,
            List<String> names,
            String title,
            String year) {
        String doi = field(entry, BibTeXEntry.KEY_DOI);
        String eprint = field(entry, BibTeXEntry.KEY_EPRINT);
        String url = field(entry, BibTeXEntry.KEY_URL);
        String link = "";
        String linkText = "";
        if (!doi.isEmpty()) {
            link = "https://doi.org/" + doi;
            linkText = "doi:" + doi;
        } else if (!eprint.isEmpty()
                && field(entry, new Key("archiveprefix")).equalsIgnoreCase("arxiv")) {
            link = "https://arxiv.org/abs/" + eprint;
            linkText = "arXiv:" + eprint;
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            link = url;
            linkText = url;
        }
        String first = surname(names.get(0));
        String label =
                (names.size() == 1
                                ? first
                                : names.size() == 2
                                        ? first + " and " + surname(names.get(1))
                                        : first + " et al.")
                        + " "
                        + year;
        return new Reference(
                key, line, joinNames(names), year, title, venue(entry), link, linkText, label);
    }

    private static String venue(BibTeXEntry entry) {
        String journal = field(entry, BibTeXEntry.KEY_JOURNAL);
        if (!journal.isEmpty()) {
            String volume = field(entry, BibTeXEntry.KEY_VOLUME);
            String pages = field(entry, BibTeXEntry.KEY_PAGES).replace("--", "–");
            return journal
                    + (volume.isEmpty() ? "" : " " + volume)
                    + (pages.isEmpty() ? "" : ", " + pages);
        }
        String booktitle = field(entry, BibTeXEntry.KEY_BOOKTITLE);
        if (!booktitle.isEmpty()) {
            return "In " + booktitle;
        }
        for (Key k :
                List.of(
                        BibTeXEntry.KEY_PUBLISHER,
                        BibTeXEntry.KEY_INSTITUTION,
                        BibTeXEntry.KEY_SCHOOL,
                        BibTeXEntry.KEY_HOWPUBLISHED)) {
            String v = field(entry, k);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /** A field's text with its LaTeX ({@code {\"o}}, braces, {@code --}) turned into plain text. */
    private static String field(BibTeXEntry entry, Key key) {
        Value value = entry.getField(key);
        if (value == null) {
            return "";
        }
        String latex = value.toUserString();
        try {
            return new LaTeXPrinter()
                    .print(new LaTeXParser().parse(latex))
                    .strip()
                    .replaceAll("\\s+", " ");
        } catch (Exception e) {
            return latex.replace("{", "").replace("}", "").strip();
        }
    }

    /** "Last, First and Other, Name" as ["First Last", "Name Other"]; "others" becomes "et al.". */
    static List<String> names(String authors) {
        List<String> names = new ArrayList<>();
        for (String n : authors.split("\\s+and\\s+")) {
            String name = n.strip();
            int comma = name.indexOf(',');
            names.add(
                    comma < 0
                            ? name
                            : (name.substring(comma + 1).strip()
                                            + " "
                                            + name.substring(0, comma).strip())
                                    .strip());
        }
        return names;
    }

    private static String joinNames(List<String> names) {
        List<String> shown = names.size() > 5 ? List.of(names.get(0), "others") : names;
        boolean etAl = shown.get(shown.size() - 1).equals("others");
        List<String> real = etAl ? shown.subList(0, shown.size() - 1) : shown;
        String joined =
                real.size() <= 1
                        ? String.join("", real)
                        : String.join(", ", real.subList(0, real.size() - 1))
                                + " and "
                                + real.get(real.size() - 1);
        return etAl ? joined + " et al." : joined;
    }

    private static String surname(String name) {
        int space = name.lastIndexOf(' ');
        return space < 0 ? name : name.substring(space + 1);
    }
}
