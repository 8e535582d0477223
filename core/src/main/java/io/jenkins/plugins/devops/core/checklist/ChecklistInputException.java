package io.jenkins.plugins.devops.core.checklist;

/**
 * Bad input to the checklist: a configuration, rule file or report that cannot be used. The message names the file
 * (and line when known) and says how to fix it; nothing has been evaluated when it is thrown.
 */
public class ChecklistInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChecklistInputException(String message) {
        super(message);
    }

    public ChecklistInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
