package org.nnwiki.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A table for {@link Display#show(Object)}; floating-point cells are written with four decimals.
 *
 * <pre>{@code
 * show(Table.of("optimizer", "final loss").row("SGD", 0.41).row("Adam", 0.02));
 * }</pre>
 */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> header) {
        this.header = header;
    }

    public static Table of(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("Table.of: give at least one column name");
        }
        return new Table(List.of(header));
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "Table.row: "
                            + cells.length
                            + " cells for "
                            + header.size()
                            + " columns "
                            + header
                            + ": "
                            + Arrays.toString(cells));
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(cell(c));
        }
        rows.add(row);
        return this;
    }

    private static String cell(Object c) {
        String s =
                c instanceof Double || c instanceof Float
                        ? String.format(Locale.ROOT, "%.4f", ((Number) c).doubleValue())
                        : String.valueOf(c);
        return s.replace('\t', ' ').replace('\n', ' ');
    }

    String tsv() {
        StringBuilder sb = new StringBuilder(String.join("\t", header));
        for (List<String> r : rows) {
            sb.append('\n').append(String.join("\t", r));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return tsv().replace('\t', '|');
    }
}
