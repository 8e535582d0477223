package io.jenkins.plugins.devops.core.kube;

/** A Deployment did not roll out: progress deadline exceeded, or the engine's own wait ran out. */
public class RolloutFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RolloutFailedException(String message) {
        super(message);
    }
}
