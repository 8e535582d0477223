package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.kube.DeploymentLease;
import io.jenkins.plugins.devops.core.kube.ResourceWriter;
import io.jenkins.plugins.devops.core.kube.RolloutWatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** One execution of a plan: phases with checkpoints, then the record; on failure, the rollback. */
final class DeploymentRun {
    private final KubernetesClient client;
    private final EngineOptions options;
    private final Clock clock;
    private final DeploymentRequest request;
    private final DeploymentPlan plan;
    private final String deploymentId;
    private final GateRunner gates;
    private final RunLog log;

    DeploymentRun(
            KubernetesClient client,
            EngineOptions options,
            Clock clock,
            DeploymentRequest request,
            DeploymentPlan plan,
            String deploymentId,
            List<HealthGate> gates,
            RunLog log) {
        this.client = client;
        this.options = options;
        this.clock = clock;
        this.request = request;
        this.plan = plan;
        this.deploymentId = deploymentId;
        this.gates = new GateRunner(gates == null ? List.of() : gates, request, deploymentId, plan, log);
        this.log = log;
    }

    /** Pre-rollout gates, snapshot, then all phases. */
    DeploymentRecord start(LiveClusterView view, DeploymentLease lease, Instant started) {
        try {
            gates.evaluate(GatePoint.PRE_ROLLOUT, 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(Outcome.ABORTED, started, "aborted before anything was changed");
        } catch (GateFailedException e) {
            return record(Outcome.FAILED_ROLLED_BACK, started, e.getMessage() + " (nothing was changed)");
        }
        ClusterSnapshot snapshot = view.snapshot(deploymentId, plan);
        String snapshotName = DeploymentEngine.snapshotName(request.service(), request.environment());
        DeploymentState state = new DeploymentState(
                deploymentId,
                request.service(),
                request.environment(),
                request.namespace(),
                request.strategy().name(),
                0,
                plan.phases().size(),
                request.version(),
                plan.previousVersion(),
                snapshotName,
                started,
                clock.instant());
        Secret stored = snapshot.toSecret(snapshotName, request.namespace());
        stored.getMetadata().setAnnotations(java.util.Map.of(ClusterSnapshot.STATE, state.toJson()));
        DeploymentEngine.writer(client, options, log).write(stored);
        log.listener().checkpoint(state);
        return continueFrom(state, snapshot, lease);
    }

    DeploymentRecord continueFrom(DeploymentState state, ClusterSnapshot snapshot, DeploymentLease lease) {
        ResourceWriter writer = DeploymentEngine.writer(client, options, log);
        String reason;
        boolean aborted = false;
        try (RolloutWatcher watcher = DeploymentEngine.watcher(client, request.namespace(), log);
                DeploymentLease.KeepAlive alive =
                        lease.keepAlive(DeploymentEngine.leaseDuration(request, plan, options), log::event)) {
            try {
                PhaseRunner runner = new PhaseRunner(
                        writer,
                        watcher,
                        gates,
                        log,
                        request.progressDeadline(),
                        new io.jenkins.plugins.devops.core.kube.PodFailureDetector(request.maxRestarts()),
                        clock);
                DeploymentState current = state;
                for (int i = state.nextPhase(); i < plan.phases().size(); i++) {
                    // The first phase of a resume may have been waiting (blue-green scale-down delay) since the
                    // last checkpoint; later phases start right after their predecessor.
                    java.time.Duration waited = i == state.nextPhase()
                            ? java.time.Duration.between(state.updatedAt(), clock.instant())
                            : java.time.Duration.ZERO;
                    runner.run(plan.phases().get(i), i, plan.phases().size(), waited);
                    RescaleCheck.afterPhase(plan, plan.phases().get(i), watcher::cached, log);
                    current = current.advancedTo(i + 1, clock.instant());
                    storeState(current);
                    log.listener().checkpoint(current);
                    lease.renew(DeploymentEngine.leaseDuration(request, plan, options));
                }
                gates.evaluate(GatePoint.POST_ROLLOUT, plan.phases().size(), 100);
                deleteSnapshot(state);
                return record(Outcome.SUCCEEDED, state.startedAt(), "");
            } catch (InterruptedException e) {
                aborted = true;
                reason = "aborted";
            } catch (RuntimeException e) {
                aborted = Thread.interrupted();
                reason = aborted ? "aborted" : describe(e);
            }
            return rollBack(writer, watcher, snapshot, state, reason, aborted, aborted, lease);
        }
    }

    private DeploymentRecord rollBack(
            ResourceWriter writer,
            RolloutWatcher watcher,
            ClusterSnapshot snapshot,
            DeploymentState state,
            String reason,
            boolean aborted,
            boolean interruptedHere,
            DeploymentLease lease) {
        java.util.Optional<String> taker = stillOurs(lease);
        if (taker.isPresent()) {
            // Another deployment took the (expired) lease and owns the service now: restoring our snapshot would
            // undo its writes, and the snapshot Secret may be its own by now.
            if (interruptedHere) {
                Thread.currentThread().interrupt();
            }
            return record(
                    Outcome.FAILED,
                    state.startedAt(),
                    reason + "; the lease was taken over by " + taker.get() + " while this deployment ran, so "
                            + "nothing was rolled back: that deployment owns the service now");
        }
        if (!aborted) {
            java.util.Set<String> deployments = new java.util.LinkedHashSet<>();
            plan.phases().forEach(p -> deployments.addAll(p.awaitRollout()));
            io.jenkins.plugins.devops.core.kube.WarningEvents.about(client, request.namespace(), deployments, 5)
                    .forEach(line -> log.event("kubernetes: " + line));
        }
        markRollingBack(state, reason, aborted);
        log.event("rolling back: " + reason);
        boolean interrupted = interruptedHere;
        try {
            new SnapshotRestorer(writer, watcher, log, options.rollbackTimeout()).restore(snapshot);
            if (!plan.previousVersion().isEmpty()) {
                log.event("rollback: all traffic back on version " + plan.previousVersion());
            }
            try {
                gates.evaluate(GatePoint.ROLLBACK, 0, 0);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            deleteSnapshot(state);
            return record(aborted ? Outcome.ABORTED : Outcome.FAILED_ROLLED_BACK, state.startedAt(), reason);
        } catch (InterruptedException e) {
            interrupted = true;
            return record(
                    Outcome.FAILED,
                    state.startedAt(),
                    reason + "; the rollback was interrupted, the snapshot " + state.snapshotName()
                            + " is kept: run devops rollback or resume to finish it");
        } catch (RuntimeException e) {
            return record(
                    Outcome.FAILED,
                    state.startedAt(),
                    reason + "; the rollback failed too (" + describe(e) + "), the snapshot " + state.snapshotName()
                            + " is kept: retry with resume or roll back manually");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Finishes a rollback that a dead or interrupted process had started ({@link #markRollingBack}): a resume must
     * not deploy again what was aborted or failed its gates.
     */
    DeploymentRecord finishRollback(
            DeploymentState state, ClusterSnapshot snapshot, DeploymentLease lease, String reason, boolean aborted) {
        log.event("deployment " + deploymentId + " was rolling back when it stopped; finishing the rollback");
        ResourceWriter writer = DeploymentEngine.writer(client, options, log);
        try (RolloutWatcher watcher = DeploymentEngine.watcher(client, request.namespace(), log);
                DeploymentLease.KeepAlive alive =
                        lease.keepAlive(DeploymentEngine.leaseDuration(request, plan, options), log::event)) {
            return rollBack(writer, watcher, snapshot, state, reason, aborted, false, lease);
        }
    }

    /**
     * Keeps the latest checkpoint in the snapshot Secret too, so that {@code devops resume} can continue a
     * deployment whose process was killed without anyone having kept the state.
     */
    private void storeState(DeploymentState state) {
        if (state.isComplete()) {
            return; // the snapshot is deleted right after the last phase
        }
        try {
            // A merge patch of the annotation alone, sent as is: no read first, no resourceVersion to clash.
            Secret patch = new io.fabric8.kubernetes.api.model.SecretBuilder()
                    .withNewMetadata()
                    .withName(state.snapshotName())
                    .withNamespace(request.namespace())
                    .addToAnnotations(ClusterSnapshot.STATE, state.toJson())
                    .endMetadata()
                    .build();
            client.secrets()
                    .inNamespace(request.namespace())
                    .resource(patch)
                    .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                            io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE));
        } catch (RuntimeException e) {
            log.event("could not store the checkpoint in the snapshot (devops resume would repeat a phase): "
                    + describe(e));
        }
    }

    /** Notes in the snapshot Secret that the rollback began, so that {@code resume} finishes it. */
    private void markRollingBack(DeploymentState state, String reason, boolean aborted) {
        try {
            client.secrets()
                    .inNamespace(request.namespace())
                    .withName(state.snapshotName())
                    .edit(s -> {
                        java.util.Map<String, String> a = new java.util.HashMap<>(
                                s.getMetadata().getAnnotations() == null
                                        ? java.util.Map.of()
                                        : s.getMetadata().getAnnotations());
                        a.put(ClusterSnapshot.ROLLBACK_REASON, reason);
                        a.put(ClusterSnapshot.ROLLBACK_ABORTED, String.valueOf(aborted));
                        s.getMetadata().setAnnotations(a);
                        return s;
                    });
        } catch (RuntimeException e) {
            log.event("could not note the rollback in the snapshot (a resume would deploy again): " + describe(e));
        }
    }

    /** The lease's new holder if it was taken over; an unreadable lease counts as ours (the rollback is safer). */
    private java.util.Optional<String> stillOurs(DeploymentLease lease) {
        boolean interrupted = Thread.interrupted();
        try {
            return lease.lostTo();
        } catch (RuntimeException e) {
            log.event("could not read the lease before rolling back: " + describe(e));
            return java.util.Optional.empty();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Deletes the snapshot if it is still this deployment's (a deployment that took over stores its own). */
    private void deleteSnapshot(DeploymentState state) {
        var secret = client.secrets().inNamespace(request.namespace()).withName(state.snapshotName());
        Secret current = secret.get();
        if (current != null && deploymentId.equals(ClusterSnapshot.ownerOf(current))) {
            secret.delete();
        }
    }

    static String describe(RuntimeException e) {
        if (e instanceof io.fabric8.kubernetes.client.KubernetesClientException k && k.getCode() > 0) {
            return "Kubernetes API error " + k.getCode() + ": " + firstLine(k.getMessage());
        }
        return firstLine(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    DeploymentRecord record(Outcome outcome, Instant started, String failureReason) {
        return new DeploymentRecord(
                deploymentId,
                DeploymentKind.DEPLOY,
                request.service(),
                request.environment(),
                request.namespace(),
                request.strategy().name(),
                outcome,
                request.version(),
                plan.previousVersion(),
                request.effectiveImage(),
                started,
                clock.instant(),
                request.commits(),
                request.triggeredBy(),
                failureReason,
                log.phases,
                log.gates,
                log.events);
    }
}
