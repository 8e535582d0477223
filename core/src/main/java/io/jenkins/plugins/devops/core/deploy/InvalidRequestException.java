package io.jenkins.plugins.devops.core.deploy;

/**
 * A deployment or rollback request that cannot be carried out as given. Thrown before anything is written to the
 * cluster; the message names the problem and how to fix it.
 */
public class InvalidRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
