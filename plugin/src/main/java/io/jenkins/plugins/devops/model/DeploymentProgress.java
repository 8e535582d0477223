package io.jenkins.plugins.devops.model;

import io.jenkins.plugins.devops.credentials.ClusterClient;

/**
 * Where a running deployment reports what a step execution must keep (its resumable state, a status line), and
 * how the execution can cut it off when the controller shuts down so that it resumes afterwards instead of being
 * rolled back.
 */
public interface DeploymentProgress {
    DeploymentProgress NONE = new DeploymentProgress() {
        @Override
        public void checkpoint(String stateJson) {}

        @Override
        public void status(String line) {}
    };

    /** The engine's resumable state ({@code DeploymentState.toJson()}); keep it to resume after a restart. */
    void checkpoint(String stateJson);

    /** A one-line summary of where the deployment is, e.g. "canary 10% — gate prometheus passed". */
    void status(String line);

    /**
     * The cluster client the deployment uses. On controller shutdown the execution closes it, so the deployment
     * can write nothing more (not even a rollback) and is resumed from its last checkpoint after the restart.
     */
    default void connected(ClusterClient client) {}

    /** True once the controller shut down under this deployment: its outcome must not be recorded. */
    default boolean detached() {
        return false;
    }
}
