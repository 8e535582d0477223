package io.jenkins.plugins.devops.core.gate;

/**
 * The moments of a deployment at which the engine asks its {@link HealthGate}s for a verdict.
 *
 * <p>A failed verdict at {@link #PRE_ROLLOUT}, {@link #STEP} or {@link #CONFIRM_PROMOTION} rolls the deployment
 * back. At {@link #POST_ROLLOUT} and {@link #ROLLBACK} the deployment is already decided, so a failure there is
 * only reported.
 */
public enum GatePoint {
    /** Before anything is written to the cluster. */
    PRE_ROLLOUT,
    /** After each traffic step (canary weight, blue-green preview, rolling update complete). */
    STEP,
    /** After the last step, before the new version becomes the stable one. */
    CONFIRM_PROMOTION,
    /** After promotion succeeded. */
    POST_ROLLOUT,
    /** After a rollback finished. */
    ROLLBACK
}
