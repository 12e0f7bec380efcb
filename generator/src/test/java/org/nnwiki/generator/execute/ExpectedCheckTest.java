package org.nnwiki.generator.execute;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpectedCheckTest {

    @Test
    void numbersMatchWithinRelativeTolerance() {
        assertNull(ExpectedCheck.diff("loss 0.1000", "loss 0.10004", 1e-3));
        assertNotNull(ExpectedCheck.diff("loss 0.1000", "loss 0.1010", 1e-3));
        assertNull(ExpectedCheck.diff("big 1.0e6", "big 1000000.5", 1e-6));
    }

    @Test
    void zeroIsComparedAbsolutely() {
        assertNull(ExpectedCheck.diff("x = 0", "x = 0.0000001", 1e-6));
        assertNotNull(ExpectedCheck.diff("x = 0", "x = 0.01", 1e-6));
    }

    @Test
    void whitespaceAtEndsAndRunsOfSpacesDoNotMatter() {
        assertNull(ExpectedCheck.diff("\n a   b  \nc\n\n", " a b\nc", 1e-6));
    }

    @Test
    void textMustMatchExactly() {
        String diff = ExpectedCheck.diff("accuracy 0.9", "precision 0.9", 1e-6);
        assertNotNull(diff);
        assertTrue(
                diff.contains("- expected: accuracy 0.9")
                        && diff.contains("+ actual:   precision 0.9"),
                diff);
    }

    @Test
    void missingAndExtraLinesAreDifferences() {
        assertTrue(ExpectedCheck.diff("a\nb", "a", 1e-6).contains("(nothing)"));
        assertTrue(ExpectedCheck.diff("a", "a\nb", 1e-6).contains("(nothing)"));
    }

    @Test
    void nanAndInfinityMatchOnlyThemselves() {
        assertNull(ExpectedCheck.diff("NaN Infinity", "NaN Infinity", 1e-6));
        assertNotNull(ExpectedCheck.diff("NaN", "1.0", 1e-6));
    }
}
