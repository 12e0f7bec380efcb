package org.nnwiki.generator.jbake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnwiki.generator.Problems;
import org.nnwiki.generator.page.Page;

/**
 * The sidebar and the reading order: top-level pages first, then the configured sections in their
 * configured order; inside each, pages by numeric {@code order}, then title. Previous/next follow
 * the same order.
 */
public final class Navigation {

    /** A sidebar group; {@code title} is empty for the top-level pages. */
    public record Section(String title, List<Page> pages) {}

    private final List<Section> sections;
    private final List<Page> reading;

    private Navigation(List<Section> sections) {
        this.sections = sections;
        this.reading = sections.stream().flatMap(s -> s.pages().stream()).toList();
    }

    /** Groups the pages; a page naming a section that is not configured is reported. */
    public static Navigation of(List<Page> pages, List<String> configured, Problems problems) {
        Map<String, List<Page>> groups = new LinkedHashMap<>();
        groups.put("", new ArrayList<>());
        configured.forEach(s -> groups.put(s, new ArrayList<>()));
        for (Page p : pages) {
            if (!p.front().listed()) {
                continue;
            }
            List<Page> group = groups.get(p.front().section());
            if (group == null) {
                problems.add(
                        p.source(),
                        p.front().sectionLine(),
                        "unknown section '"
                                + p.front().section()
                                + "' (sections in nnwiki.yml: "
                                + String.join(", ", configured)
                                + "): use one of them or add it there");
                continue;
            }
            group.add(p);
        }
        Comparator<Page> byOrder =
                Comparator.comparingDouble((Page p) -> p.front().order())
                        .thenComparing(p -> p.front().title())
                        .thenComparing(Page::source);
        List<Section> sections = new ArrayList<>();
        for (var e : groups.entrySet()) {
            if (!e.getValue().isEmpty()) {
                List<Page> sorted = new ArrayList<>(e.getValue());
                sorted.sort(byOrder);
                sections.add(new Section(e.getKey(), List.copyOf(sorted)));
            }
        }
        return new Navigation(List.copyOf(sections));
    }

    public List<Section> sections() {
        return sections;
    }

    /** All pages in reading order. */
    public List<Page> reading() {
        return reading;
    }

    public Page previous(Page page) {
        int i = reading.indexOf(page);
        return i > 0 ? reading.get(i - 1) : null;
    }

    public Page next(Page page) {
        int i = reading.indexOf(page);
        return i >= 0 && i + 1 < reading.size() ? reading.get(i + 1) : null;
    }
}
