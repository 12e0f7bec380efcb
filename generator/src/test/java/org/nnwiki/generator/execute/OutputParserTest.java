package org.nnwiki.generator.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputParserTest {
    private static String item(String kind, String payload) {
        return OutputParser.DISPLAY
                + kind
                + " "
                + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "\n";
    }

    @Test
    void splitsTextAndDisplayItemsInOrder() {
        String raw =
                "before\n"
                        + item("svg", "<svg/>")
                        + "between\n"
                        + item("table", "a\tb\n1\t2")
                        + item("value", "42");
        List<Output> out = new OutputParser(1000).parse(raw, 0);
        assertEquals(
                List.of(
                        new Output.Text("before\n"),
                        new Output.Svg("<svg/>"),
                        new Output.Text("between\n"),
                        new Output.Table(List.of(List.of("a", "b"), List.of("1", "2"))),
                        new Output.Value("42")),
                out);
    }

    @Test
    void cutsLongTextWithANote() {
        List<Output> out = new OutputParser(10).parse("0123456789abcdef\n", 0);
        assertEquals(new Output.Text("0123456789"), out.get(0));
        assertTrue(((Output.Note) out.get(1)).text().contains("7 more characters"));
    }

    @Test
    void malformedDisplayLinesStayText() {
        String raw = OutputParser.DISPLAY + "svg not-base64!\n";
        assertEquals(List.of(new Output.Text(raw)), new OutputParser(1000).parse(raw, 0));
    }

    @Test
    void droppedBytesAreReported() {
        List<Output> out = new OutputParser(1000).parse("x\n", 5000);
        assertTrue(((Output.Note) out.get(1)).text().contains("5,000 more characters"));
    }
}
