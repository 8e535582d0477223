package io.jenkins.plugins.devops.cli;

/**
 * Input the command cannot use (a missing file, a flag value out of range). Reported as one line and exit code
 * {@link ExitCodes#USAGE}; the message says what to do.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
