package org.nnwiki.generator.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FenceInfoTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "java                          | java | false | false | false | false | 0  | ''    | ''",
                "java run                      | java | true  | false | false | false | 0  | ''    | ''",
                "java run hide                 | java | true  | true  | false | false | 0  | ''    | ''",
                "java run quiet                | java | true  | false | true  | false | 0  | ''    | ''",
                "java run expect=error         | java | true  | false | false | true  | 0  | ''    | ''",
                "java run timeout=30           | java | true  | false | false | false | 30 | ''    | ''",
                "java run session=b            | java | true  | false | false | false | 0  | b     | ''",
                "java include=a/B.java#r       | java | false | false | false | false | 0  | ''    | a/B.java#r",
                "java include=a/B.java#r run   | java | true  | false | false | false | 0  | ''    | a/B.java#r",
            })
    void parsesValidInfoStrings(
            String info,
            String lang,
            boolean run,
            boolean hide,
            boolean quiet,
            boolean expectError,
            int timeout,
            String session,
            String include) {
        List<String> errors = new ArrayList<>();
        FenceInfo f = FenceInfo.parse(info, errors);
        assertEquals(List.of(), errors);
        assertEquals(
                new FenceInfo(
                        lang,
                        run,
                        hide,
                        quiet,
                        expectError,
                        timeout,
                        session,
                        include,
                        FenceInfo.DEFAULT_TOLERANCE,
                        false,
                        false),
                f);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "java rnu                | unknown fence option 'rnu'",
                "java hide               | 'hide' only applies to blocks that run",
                "java run timeout=0      | give the limit in whole seconds",
                "java run timeout=soon   | give the limit in whole seconds",
                "java run expect=success | the only expectation is 'expect=error'",
                "java run session=a/b    | name the session",
                "python run              | only java blocks can run",
                "expected tol=abc        | 'tol=' needs a non-negative number",
                "expected run            | unknown option 'run' on an expected block",
                "java run hide=yes       | 'hide=yes' takes no value",
            })
    void reportsInvalidInfoStrings(String info, String message) {
        List<String> errors = new ArrayList<>();
        FenceInfo.parse(info, errors);
        assertTrue(
                errors.stream().anyMatch(e -> e.contains(message)),
                errors + " should contain " + message);
    }

    @org.junit.jupiter.api.Test
    void expectedBlocksReadTheirTolerance() {
        List<String> errors = new ArrayList<>();
        assertEquals(0.01, FenceInfo.parse("expected tol=1e-2", errors).tolerance());
        assertTrue(errors.isEmpty());
    }
}
