package io.jenkins.plugins.devops.core.context;

/** A context value or file that does not meet its schema; the message says what to change. */
public final class InvalidContextException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidContextException(String message) {
        super(message);
    }
}
