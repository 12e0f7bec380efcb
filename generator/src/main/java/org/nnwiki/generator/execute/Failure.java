package org.nnwiki.generator.execute;

import java.io.Serializable;

/**
 * Why a block did not complete.
 *
 * @param kind what went wrong
 * @param message one line: the compiler's message or the exception with its message
 * @param line the page-file line where it happened (0 when unknown)
 * @param detail more lines: the stack trace inside the page's code, or empty
 */
public record Failure(Kind kind, String message, int line, String detail) implements Serializable {

    public enum Kind {
        COMPILE_ERROR("compile error"),
        EXCEPTION("exception"),
        TIMEOUT("timeout"),
        SESSION_ENDED("session ended"),
        NOT_RUN("not run");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
