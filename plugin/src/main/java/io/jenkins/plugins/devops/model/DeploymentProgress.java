package io.jenkins.plugins.devops.model;

/** Where a running deployment reports what a step execution must keep: its resumable state and a status line. */
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
}
