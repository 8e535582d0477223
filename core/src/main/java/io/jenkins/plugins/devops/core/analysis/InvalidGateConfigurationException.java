package io.jenkins.plugins.devops.core.analysis;

/**
 * Gate configuration that cannot work. Thrown before any deployment starts; the message names the item (e.g.
 * {@code analysis[0] 'error-rate'}) and says how to fix it.
 */
public class InvalidGateConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidGateConfigurationException(String message) {
        super(message);
    }
}
