package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.jenkins.plugins.devops.core.kube.DeploymentLease;
import io.jenkins.plugins.devops.core.kube.RolloutWatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Aborts a deployment whose process died: restores every object it wrote to how its snapshot saw them before the
 * first write, then deletes the snapshot. The caller holds the lease, taken over as the dead deployment.
 */
final class SnapshotAbort {
    private final KubernetesClient client;
    private final EngineOptions options;
    private final Clock clock;
    private final RunLog log;

    SnapshotAbort(KubernetesClient client, EngineOptions options, Clock clock, RunLog log) {
        this.client = client;
        this.options = options;
        this.clock = clock;
        this.log = log;
    }

    DeploymentRecord run(
            PendingDeployment pending,
            String service,
            String environment,
            String triggeredBy,
            DeploymentLease lease,
            Instant started) {
        var secretRef = client.secrets().inNamespace(pending.namespace()).withName(pending.snapshotName());
        Secret secret = secretRef.get();
        if (secret == null || !pending.deploymentId().equals(ClusterSnapshot.ownerOf(secret))) {
            throw new InvalidRequestException("the snapshot of deployment " + pending.deploymentId() + " is gone or"
                    + " was replaced meanwhile; nothing was changed");
        }
        ClusterSnapshot snapshot = ClusterSnapshot.fromSecret(secret);
        String reason = "aborted" + (triggeredBy.isEmpty() ? "" : " by " + triggeredBy)
                + " after its process stopped; restored the objects as they were before it";
        // So that a resume after an interrupted abort finishes this rollback instead of deploying again.
        secretRef.patch(
                PatchContext.of(PatchType.JSON_MERGE),
                client.getKubernetesSerialization()
                        .asJson(Map.of(
                                "metadata",
                                Map.of(
                                        "annotations",
                                        Map.of(
                                                ClusterSnapshot.ROLLBACK_REASON,
                                                reason,
                                                ClusterSnapshot.ROLLBACK_ABORTED,
                                                "true")))));
        log.event("restoring the snapshot of deployment " + pending.deploymentId());
        try (RolloutWatcher watcher = DeploymentEngine.watcher(client, pending.namespace(), log);
                DeploymentLease.KeepAlive alive =
                        lease.keepAlive(options.rollbackTimeout().plus(options.leaseSlack()), log::event)) {
            new SnapshotRestorer(DeploymentEngine.writer(client, options, log), watcher, log, options.rollbackTimeout())
                    .restore(snapshot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(
                    pending,
                    service,
                    environment,
                    Outcome.FAILED,
                    started,
                    triggeredBy,
                    "the abort was interrupted; the snapshot " + pending.snapshotName()
                            + " is kept: run the abort again");
        } catch (RuntimeException e) {
            return record(
                    pending,
                    service,
                    environment,
                    Outcome.FAILED,
                    started,
                    triggeredBy,
                    "the abort failed (" + DeploymentRun.describe(e) + "); the snapshot " + pending.snapshotName()
                            + " is kept: run the abort again");
        }
        Secret now = secretRef.get();
        if (now != null && pending.deploymentId().equals(ClusterSnapshot.ownerOf(now))) {
            secretRef.delete();
        }
        return record(pending, service, environment, Outcome.ABORTED, started, triggeredBy, reason);
    }

    private DeploymentRecord record(
            PendingDeployment pending,
            String service,
            String environment,
            Outcome outcome,
            Instant started,
            String triggeredBy,
            String reason) {
        DeploymentState s = pending.state();
        return new DeploymentRecord(
                pending.deploymentId(),
                DeploymentKind.DEPLOY,
                service,
                environment,
                pending.namespace(),
                s == null ? "" : s.strategy(),
                outcome,
                s == null ? "" : s.version(),
                s == null ? "" : s.previousVersion(),
                "",
                started,
                clock.instant(),
                List.of(),
                triggeredBy,
                reason,
                log.phases,
                log.gates,
                log.events);
    }
}
