package io.jenkins.plugins.devops.core.deploy;

import io.jenkins.plugins.devops.core.gate.GateResult;

/**
 * Hears how a deployment progresses, so a caller can print lines such as "canary 10% — 1/1 pods ready — gate
 * passed" or persist {@link DeploymentState} for {@code resume}. Every method has a no-op default; methods are
 * called on the engine's thread and should return quickly.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** A phase starts; {@code index} is 0-based. */
    default void phaseStarted(String phase, int index, int phaseCount) {}

    default void phaseFinished(PhaseRecord phase) {}

    /** The new version now receives {@code weight} percent of the traffic. */
    default void weightChanged(int weight) {}

    default void podsReady(String deployment, int ready, int desired) {}

    default void gateEvaluated(GateResult result) {}

    /** The state to hand to {@code DeploymentEngine.resume} should this process die now. */
    default void checkpoint(DeploymentState state) {}

    /** Anything else worth a line in the log: retries, lease take-overs, rollback steps. */
    default void message(String text) {}
}
