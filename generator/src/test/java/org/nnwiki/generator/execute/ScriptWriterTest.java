package org.nnwiki.generator.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Scripts that the jshell tool, which ends a snippet at the first complete line, reads as the
 * session ran them.
 */
class ScriptWriterTest {

    @Test
    void leadingDotsAndBinaryOperatorsMoveToTheLineBefore() {
        assertEquals(
                "show(chart.\n        xLabel(\"x\"));",
                ScriptWriter.forLineReader("show(chart\n        .xLabel(\"x\"));"));
        assertEquals(
                "long ops = a * 2 + // two products\n        b;",
                ScriptWriter.forLineReader("long ops = a * 2   // two products\n        + b;"));
        assertEquals(
                "boolean ok = x > 0 &&\n        y > 0;",
                ScriptWriter.forLineReader("boolean ok = x > 0\n        && y > 0;"));
        assertEquals(
                "int v = c ?\n        1 :\n        2;",
                ScriptWriter.forLineReader("int v = c\n        ? 1\n        : 2;"));
    }

    @Test
    void linesThatStartStatementsStayAsTheyAre() {
        String code = "int i = 0;\n++i;\n--i;\n// a comment\n/* a block */\n-1\n";
        assertEquals(code, ScriptWriter.forLineReader(code));
        assertEquals("var r = a..b;\n..x", ScriptWriter.forLineReader("var r = a..b;\n..x"));
    }
}
