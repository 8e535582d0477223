package io.jenkins.plugins.devops.core.deploy;

import io.jenkins.plugins.devops.core.gate.GateResult;

/** A health gate did not pass at a point where that stops the deployment. */
final class GateFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GateFailedException(GateResult result) {
        super("gate " + result.gate() + " " + result.verdict().name().toLowerCase() + " at " + result.point()
                + (result.weight() > 0 ? " (weight " + result.weight() + "%)" : "") + ": " + result.reason());
    }
}
