package io.jenkins.plugins.devops.core.kube;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/**
 * What a Deployment's status says about its rollout, judged the way {@code kubectl rollout status} does: complete
 * when the controller has observed the current generation and every replica is updated and available with no old
 * replica left; failed when the Progressing condition reports ProgressDeadlineExceeded.
 *
 * @param complete the rollout is done
 * @param failureReason why it failed, or empty
 * @param ready ready replicas of the new ReplicaSet as far as the status tells: the ready replicas minus the old
 *     ones (which may all be ready), so old pods never make a count like "5/4"
 * @param desired desired replicas
 */
public record RolloutStatus(boolean complete, String failureReason, int ready, int desired) {

    public static RolloutStatus of(Deployment d) {
        int desired = d.getSpec() == null || d.getSpec().getReplicas() == null
                ? 1
                : d.getSpec().getReplicas();
        DeploymentStatus s = d.getStatus();
        if (s == null) {
            return new RolloutStatus(false, "", 0, desired);
        }
        int oldReplicas = Math.max(0, value(s.getReplicas()) - value(s.getUpdatedReplicas()));
        int ready = Math.max(0, Math.min(value(s.getUpdatedReplicas()), value(s.getReadyReplicas()) - oldReplicas));
        long generation =
                d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        long observed = s.getObservedGeneration() == null ? -1 : s.getObservedGeneration();
        if (observed < generation) {
            return new RolloutStatus(false, "", ready, desired);
        }
        if (s.getConditions() != null) {
            for (DeploymentCondition c : s.getConditions()) {
                if ("Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())) {
                    return new RolloutStatus(
                            false,
                            "Deployment " + d.getMetadata().getName() + " exceeded its progress deadline: "
                                    + (c.getMessage() == null ? "" : c.getMessage()) + " (" + ready + "/" + desired
                                    + " pods ready)",
                            ready,
                            desired);
                }
            }
        }
        boolean complete = value(s.getUpdatedReplicas()) >= desired
                && value(s.getReplicas()) == desired
                && value(s.getAvailableReplicas()) >= desired;
        return new RolloutStatus(complete, "", ready, desired);
    }

    public boolean failed() {
        return !failureReason.isEmpty();
    }

    private static int value(Integer i) {
        return i == null ? 0 : i;
    }
}
