package io.jenkins.plugins.devops.core.deploy;

/** How a deployment or rollback ended. */
public enum Outcome {
    /** The new version serves all traffic and passed every gate. */
    SUCCEEDED,
    /** The deployment failed and the previous spec, selectors and weights were restored. */
    FAILED_ROLLED_BACK,
    /** The deployment failed and could not be rolled back completely; the reason says what is left. */
    FAILED,
    /** Stopped by a user or by the calling pipeline; what was changed has been rolled back. */
    ABORTED;

    public boolean isSuccess() {
        return this == SUCCEEDED;
    }
}
