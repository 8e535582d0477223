package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Instant;
import java.util.Map;

/**
 * A deployment that has not finished: its snapshot Secret (the objects as they were before it) is still in the
 * namespace. Either it is running now, or its process died (killed, the machine went away) and it waits for
 * {@code resume} (finish it) or {@code abort} (restore the snapshot).
 *
 * @param deploymentId the deployment that stored the snapshot
 * @param namespace the namespace
 * @param snapshotName the snapshot Secret
 * @param state its latest checkpoint, null when the snapshot holds none (stored by an engine before 0.1)
 * @param rollbackReason why it was rolling back when it stopped; empty when it was deploying
 * @param leaseHolder who holds the service's lease now; empty when nobody does
 * @param leaseExpiry when that lease expires unless renewed; null when there is no lease
 */
public record PendingDeployment(
        String deploymentId,
        String namespace,
        String snapshotName,
        DeploymentState state,
        String rollbackReason,
        String leaseHolder,
        Instant leaseExpiry) {

    static PendingDeployment of(Secret snapshot, Lease lease) {
        Map<String, String> notes = snapshot.getMetadata().getAnnotations() == null
                ? Map.of()
                : snapshot.getMetadata().getAnnotations();
        DeploymentState state = null;
        if (notes.containsKey(ClusterSnapshot.STATE)) {
            try {
                state = DeploymentState.fromJson(notes.get(ClusterSnapshot.STATE));
            } catch (IllegalArgumentException e) {
                state = null; // unreadable: resume refuses, abort still works
            }
        }
        String holder = "";
        Instant expiry = null;
        if (lease != null && lease.getSpec() != null && lease.getSpec().getHolderIdentity() != null) {
            holder = lease.getSpec().getHolderIdentity();
            var renewed = lease.getSpec().getRenewTime() != null
                    ? lease.getSpec().getRenewTime()
                    : lease.getSpec().getAcquireTime();
            if (renewed != null && lease.getSpec().getLeaseDurationSeconds() != null) {
                expiry = renewed.toInstant().plusSeconds(lease.getSpec().getLeaseDurationSeconds());
            }
        }
        return new PendingDeployment(
                ClusterSnapshot.ownerOf(snapshot),
                snapshot.getMetadata().getNamespace(),
                snapshot.getMetadata().getName(),
                state,
                notes.getOrDefault(ClusterSnapshot.ROLLBACK_REASON, ""),
                holder,
                expiry);
    }

    /** One line for people, e.g. {@code deployment shop-prod-… (canary 1.0.0 -> 1.1.0) stopped before phase 3 of 5}. */
    public String describe(Instant now) {
        StringBuilder text = new StringBuilder("deployment ").append(deploymentId);
        if (state != null) {
            text.append(" (")
                    .append(state.strategy())
                    .append(' ')
                    .append(state.previousVersion().isEmpty() ? "first install" : state.previousVersion())
                    .append(" -> ")
                    .append(state.version())
                    .append(')');
        }
        if (!rollbackReason.isEmpty()) {
            text.append(" was rolling back (").append(rollbackReason).append(')');
        } else if (state != null) {
            text.append(" stopped before phase ")
                    .append(state.nextPhase() + 1)
                    .append(" of ")
                    .append(state.phaseCount());
        }
        if (leaseHolder.isEmpty()) {
            text.append("; nobody holds the lease");
        } else {
            text.append("; lease held by '").append(leaseHolder).append('\'');
            if (leaseExpiry != null) {
                text.append(leaseExpiry.isAfter(now) ? " until " : " expired at ")
                        .append(leaseExpiry);
            }
        }
        return text.toString();
    }
}
