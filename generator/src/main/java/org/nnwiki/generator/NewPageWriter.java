package org.nnwiki.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nnwiki.generator.page.ContentScanner;
import org.nnwiki.generator.page.Page;

/**
 * Writes a new page with valid front matter and a first example, as a draft: the {@code new}
 * command. The page is placed after the last page of its section.
 *
 * <pre>{@code
 * NewPageWriter.create(config, Path.of("content/cnn/adversarial.md"), "Adversarial Examples", "Convolutional Networks", "");
 * }</pre>
 */
public final class NewPageWriter {
    private NewPageWriter() {}

    public static Path create(
            SiteConfig config, Path file, String title, String section, String summary)
            throws BuildFailedException {
        Path target = config.root().resolve(file).toAbsolutePath().normalize();
        String shown = config.relative(target);
        if (!target.startsWith(config.content())
                || !target.getFileName().toString().endsWith(".md")) {
            throw fail(
                    shown
                            + ": a page is a .md file under "
                            + config.relative(config.content())
                            + "/");
        }
        if (Files.exists(target)) {
            throw fail(shown + ": the file exists already; choose another name");
        }
        if (title.isBlank() || title.contains("\n")) {
            throw fail(shown + ": the title must be one non-empty line");
        }
        if (!section.isEmpty() && !config.sections().contains(section)) {
            throw fail(
                    shown
                            + ": unknown section '"
                            + section
                            + "' (sections in nnwiki.yml: "
                            + String.join(", ", config.sections())
                            + ")");
        }
        // The order after the section's last page, so the new page lands at the end of its group.
        List<Page> pages =
                new ContentScanner(config.root(), new Problems()).scan(config.content(), true);
        double last =
                pages.stream()
                        .filter(p -> p.front().section().equals(section))
                        .mapToDouble(p -> p.front().order())
                        .max()
                        .orElse(0);
        long order = (long) Math.floor(last / 10) * 10 + 10;
        String text =
                "---\n"
                        + "title: "
                        + yaml(title)
                        + "\n"
                        + (section.isEmpty() ? "" : "section: " + yaml(section) + "\n")
                        + "order: "
                        + order
                        + "\n"
                        + "summary: "
                        + yaml(
                                summary.isBlank()
                                        ? "One sentence for listings, search results and the meta description."
                                        : summary)
                        + "\n"
                        + "status: draft\n"
                        + "---\n"
                        + TEMPLATE;
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw fail(shown + ": cannot write it: " + e.getMessage());
        }
        return target;
    }

    private static final String TEMPLATE =
            """
            What this page shows, in two or three sentences: the idea, and what the reader will see run.

            ## The idea

            Explain it in prose; math goes between dollar signs, like $y = \\sigma(Wx + b)$.

            ## Seeing it run

            Every `java run` block runs while the site is built, in one JShell session per page; what it
            prints, the value of its last expression and its charts appear below it.

            ```java run
            double[] losses = new double[50];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = StrictMath.exp(-i / 10.0);
            }
            System.out.printf("final loss %.4f%n", losses[losses.length - 1]);
            show(LineChart.of("A falling loss").series("loss", losses));
            ```
            ```expected
            final loss 0.0074
            ```
            """;

    /** A YAML scalar that stays a string whatever it contains. */
    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static BuildFailedException fail(String message) {
        return new BuildFailedException(
                List.of(
                        Problem.at(
                                message.substring(0, message.indexOf(':')),
                                0,
                                message.substring(message.indexOf(':') + 2))));
    }
}
