package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.kube.DeploymentLease;
import io.jenkins.plugins.devops.core.kube.ResourceWriter;
import io.jenkins.plugins.devops.core.kube.RolloutWatcher;
import io.jenkins.plugins.devops.core.kube.ServedApis;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Deploys a service to Kubernetes with a strategy, health gates and automatic rollback, as a resumable state
 * machine: request → plan → phases (each checkpointed) → record.
 *
 * <pre>{@code
 * DeploymentEngine engine = new DeploymentEngine(client, EngineOptions.defaults());
 * System.out.print(engine.plan(request).render());
 * DeploymentRecord record = engine.deploy(request, List.of(new ReadinessGate(client)), listener);
 * if (!record.outcome().isSuccess()) System.out.println(record.failureReason());
 * }</pre>
 *
 * <p>Abort by interrupting the thread that runs {@code deploy} or {@code resume}: the engine rolls back, returns
 * {@link Outcome#ABORTED} and sets the thread's interrupt flag again.
 */
public final class DeploymentEngine {
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KubernetesClient client;
    private final EngineOptions options;
    private final Clock clock;

    public DeploymentEngine(KubernetesClient client, EngineOptions options) {
        this(client, options, Clock.systemUTC());
    }

    public DeploymentEngine(KubernetesClient client, EngineOptions options, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = options == null ? EngineOptions.defaults() : options;
        this.clock = clock;
    }

    /**
     * Computes the phases from the request and the cluster's current state. Reads, never writes.
     *
     * @throws InvalidRequestException when the request does not fit the cluster (e.g. blue-green without a Service
     *     that selects the workload), when the cluster does not serve an object's API version, or when the server
     *     refuses an object in a dry run ({@code dryRun=All}, nothing stored)
     */
    public DeploymentPlan plan(DeploymentRequest request) {
        return checkedPlan(request, "plan", new LiveClusterView(client, request.namespace()));
    }

    /**
     * The plan, fitted to the API versions the cluster serves and validated by the server in a dry run: every
     * problem the server would find in the objects is found here, before the first write.
     */
    private DeploymentPlan checkedPlan(DeploymentRequest request, String id, LiveClusterView view) {
        DeploymentPlan plan =
                servedPlan(DeploymentStrategy.of(request.strategy()).plan(request, id, view));
        new ServerDryRun(writer(client, options, new RunLog(ProgressListener.NONE)), view, serialization()).check(plan);
        return plan;
    }

    /** @throws InvalidRequestException when the cluster does not serve an object's kind in any usable version */
    private DeploymentPlan servedPlan(DeploymentPlan plan) {
        return new ServedVersions(new ServedApis(client), serialization()).fit(plan);
    }

    private io.fabric8.kubernetes.client.utils.KubernetesSerialization serialization() {
        return client.getKubernetesSerialization();
    }

    /**
     * Deploys. Never throws for a deployment that failed: the record says how it ended.
     *
     * @throws InvalidRequestException when the request does not fit the cluster, when the cluster does not serve an
     *     object's API version, or when the server refuses an object in a dry run; always before any write
     * @throws io.jenkins.plugins.devops.core.kube.LeaseHeldException when another deployment of the same service
     *     and environment is running, before any write
     */
    public DeploymentRecord deploy(DeploymentRequest request, List<HealthGate> gates, ProgressListener listener) {
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        Instant started = clock.instant();
        String id = newId(request);
        LiveClusterView view = new LiveClusterView(client, request.namespace());
        DeploymentPlan plan = checkedPlan(request, id, view);
        RunLog log = new RunLog(l);
        if (request.dryRun()) {
            log.event("dry run: nothing written\n" + plan.render());
            return new DeploymentRun(client, options, clock, request, plan, id, gates, log)
                    .record(Outcome.SUCCEEDED, started, "");
        }
        DeploymentLease lease = lease(request.namespace(), request.service(), request.environment());
        lease.acquire(holder(id, request.triggeredBy()), leaseDuration(request, plan, options), log::event);
        try {
            DeploymentRun run = new DeploymentRun(client, options, clock, request, plan, id, gates, log);
            return run.start(view, lease, started);
        } finally {
            release(lease, log);
        }
    }

    /**
     * Continues a deployment whose process died, from the state last handed to
     * {@link ProgressListener#checkpoint}. Re-reads the cluster, re-plans from the snapshot taken before the first
     * write (so the plan is the same), re-applies the unfinished phase (harmless if it was already applied) and
     * goes on; failures roll back to the snapshot as in {@link #deploy}.
     *
     * @param request the same request the deployment was started with
     */
    public DeploymentRecord resume(
            DeploymentState state, DeploymentRequest request, List<HealthGate> gates, ProgressListener listener) {
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        if (!state.service().equals(request.service())
                || !state.environment().equals(request.environment())
                || !state.namespace().equals(request.namespace())) {
            throw new InvalidRequestException("the state belongs to " + state.service() + "/" + state.environment()
                    + " in " + state.namespace() + " but the request is for " + request.service() + "/"
                    + request.environment() + " in " + request.namespace() + "; resume with the original request");
        }
        Secret secret = client.secrets()
                .inNamespace(state.namespace())
                .withName(state.snapshotName())
                .get();
        if (secret == null) {
            throw new InvalidRequestException("the snapshot " + state.namespace() + "/" + state.snapshotName()
                    + " of deployment " + state.deploymentId() + " is gone, so the deployment finished or was rolled"
                    + " back already; start a new deployment instead");
        }
        ClusterSnapshot snapshot = ClusterSnapshot.fromSecret(secret);
        if (!snapshot.deploymentId().equals(state.deploymentId())) {
            throw new InvalidRequestException("the snapshot belongs to deployment " + snapshot.deploymentId() + ", not "
                    + state.deploymentId() + "; a newer deployment has started since");
        }
        DeploymentPlan plan = servedPlan(
                DeploymentStrategy.of(request.strategy()).plan(request, state.deploymentId(), snapshot.asView()));
        if (plan.phases().size() != state.phaseCount()) {
            throw new InvalidRequestException(
                    "the request plans " + plan.phases().size() + " phases but the " + "deployment had "
                            + state.phaseCount() + "; resume with the original request");
        }
        RunLog log = new RunLog(l);
        log.event("resuming deployment " + state.deploymentId() + " at phase " + (state.nextPhase() + 1) + " of "
                + state.phaseCount());
        DeploymentLease lease = lease(request.namespace(), request.service(), request.environment());
        lease.acquire(
                holder(state.deploymentId(), request.triggeredBy()), leaseDuration(request, plan, options), log::event);
        try {
            DeploymentRun run =
                    new DeploymentRun(client, options, clock, request, plan, state.deploymentId(), gates, log);
            java.util.Map<String, String> notes = secret.getMetadata().getAnnotations() == null
                    ? java.util.Map.of()
                    : secret.getMetadata().getAnnotations();
            if (notes.containsKey(ClusterSnapshot.ROLLBACK_REASON)) {
                return run.finishRollback(
                        state,
                        snapshot,
                        lease,
                        notes.get(ClusterSnapshot.ROLLBACK_REASON),
                        Boolean.parseBoolean(notes.get(ClusterSnapshot.ROLLBACK_ABORTED)));
            }
            return run.continueFrom(state, snapshot, lease);
        } finally {
            release(lease, log);
        }
    }

    /**
     * The unfinished deployment of a service, if any: its snapshot Secret is still there because it is running, or
     * because its process died. Reads only.
     */
    public java.util.Optional<PendingDeployment> pending(String namespace, String service, String environment) {
        Secret secret = client.secrets()
                .inNamespace(namespace)
                .withName(snapshotName(service, environment))
                .get();
        return secret == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(PendingDeployment.of(
                        secret, lease(namespace, service, environment).current()));
    }

    /**
     * Continues the unfinished deployment of the request's service from the checkpoint its snapshot keeps, when the
     * process that ran it died and nobody kept its {@link DeploymentState} (a killed {@code devops deploy}). The
     * lease is taken over when it is held by that same deployment (or has expired); a lease of another deployment
     * is taken only when {@code forceHolder} names its holder.
     *
     * @param request the same request the deployment was started with
     * @param forceHolder null, or the holder whose lease to take although it has not expired (that process is dead)
     * @throws InvalidRequestException when there is nothing to resume
     * @throws io.jenkins.plugins.devops.core.kube.LeaseHeldException when another deployment holds the lease
     */
    public DeploymentRecord resume(
            DeploymentRequest request, List<HealthGate> gates, ProgressListener listener, String forceHolder) {
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        PendingDeployment pending = pending(request.namespace(), request.service(), request.environment())
                .orElseThrow(
                        () -> nothingPending("resume", request.namespace(), request.service(), request.environment()));
        if (pending.state() == null) {
            throw new InvalidRequestException("deployment " + pending.deploymentId() + " left no checkpoint in its"
                    + " snapshot " + pending.snapshotName() + ", so where to continue is unknown; abort it instead"
                    + " (nothing was changed)");
        }
        takeOverIfNamed(
                pending, request.service(), request.environment(), forceHolder, request.triggeredBy(), l::message);
        try {
            return resume(pending.state(), request, gates, l);
        } catch (io.jenkins.plugins.devops.core.kube.LeaseHeldException e) {
            throw withForceHint(e, pending);
        }
    }

    /**
     * Aborts the unfinished deployment of a service whose process died: every object it wrote is restored to how
     * its snapshot saw it before the first write, the snapshot is deleted and the lease released. The lease is taken
     * over as for {@link #resume(DeploymentRequest, List, ProgressListener, String)}.
     *
     * @throws InvalidRequestException when there is nothing to abort
     * @throws io.jenkins.plugins.devops.core.kube.LeaseHeldException when another deployment holds the lease
     */
    public DeploymentRecord abort(
            String namespace,
            String service,
            String environment,
            String triggeredBy,
            String forceHolder,
            ProgressListener listener) {
        Names.requireDnsLabel("namespace", namespace);
        Names.requireDnsLabel("service", service);
        Names.requireDnsLabel("environment", environment);
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        Instant started = clock.instant();
        PendingDeployment pending = pending(namespace, service, environment)
                .orElseThrow(() -> nothingPending("abort", namespace, service, environment));
        String who = triggeredBy == null ? "" : triggeredBy;
        RunLog log = new RunLog(l);
        takeOverIfNamed(pending, service, environment, forceHolder, who, log::event);
        DeploymentLease lease = lease(namespace, service, environment);
        try {
            lease.acquire(
                    holder(pending.deploymentId(), who),
                    options.rollbackTimeout().plus(options.leaseSlack()),
                    log::event);
        } catch (io.jenkins.plugins.devops.core.kube.LeaseHeldException e) {
            throw withForceHint(e, pending);
        }
        try {
            return new SnapshotAbort(client, options, clock, log)
                    .run(pending, service, environment, who, lease, started);
        } finally {
            release(lease, log);
        }
    }

    private void takeOverIfNamed(
            PendingDeployment pending,
            String service,
            String environment,
            String forceHolder,
            String who,
            java.util.function.Consumer<String> events) {
        if (forceHolder != null && !forceHolder.isBlank()) {
            lease(pending.namespace(), service, environment)
                    .takeOver(
                            forceHolder,
                            holder(pending.deploymentId(), who),
                            options.rollbackTimeout().plus(options.leaseSlack()),
                            events);
        }
    }

    private static io.jenkins.plugins.devops.core.kube.LeaseHeldException withForceHint(
            io.jenkins.plugins.devops.core.kube.LeaseHeldException e, PendingDeployment pending) {
        return new io.jenkins.plugins.devops.core.kube.LeaseHeldException(e.getMessage()
                + " (the unfinished deployment is " + pending.deploymentId() + "; if the lease holder's process is"
                + " dead too, take its lease over by naming it: --force '" + pending.leaseHolder() + "')");
    }

    private static InvalidRequestException nothingPending(
            String what, String namespace, String service, String environment) {
        return new InvalidRequestException("nothing to " + what + ": no unfinished deployment of " + service + " to "
                + environment + " in namespace " + namespace + " (no snapshot Secret "
                + snapshotName(service, environment) + "); nothing was changed");
    }

    /**
     * Restores the previous good revision (or the one named in the request) of a service, whichever strategy
     * deployed it.
     *
     * @throws InvalidRequestException when there is nothing to roll back to
     */
    public DeploymentRecord rollback(RollbackRequest request, ProgressListener listener) {
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        RunLog log = new RunLog(l);
        Instant started = clock.instant();
        String id = request.service() + "-" + request.environment() + "-rollback-" + ID_TIME.format(started) + "-"
                + suffix();
        // A deployment that died leaves its snapshot: rolling back "to the previous revision" then would not
        // restore what it changed (Services, the other slot, the canary), the snapshot would. (While its lease is
        // live the lease refuses the rollback anyway.)
        pending(request.namespace(), request.service(), request.environment())
                .filter(p -> p.leaseExpiry() == null || !p.leaseExpiry().isAfter(clock.instant()))
                .ifPresent(p -> {
                    throw new InvalidRequestException(p.describe(clock.instant()) + "; restore the state before it"
                            + " with abort (devops abort), or finish it with resume (devops resume); nothing was"
                            + " changed");
                });
        DeploymentLease lease = lease(request.namespace(), request.service(), request.environment());
        lease.acquire(
                holder(id, request.triggeredBy()), options.rollbackTimeout().plus(options.leaseSlack()), log::event);
        try {
            return new ManualRollback(client, options, clock, log).run(request, id, started);
        } finally {
            release(lease, log);
        }
    }

    /**
     * Releases the lease even when the thread was interrupted (an abort): the interrupt flag is cleared for the
     * call and set again afterwards. A failed release only delays the next deployment until the lease expires.
     */
    private static void release(DeploymentLease lease, RunLog log) {
        boolean interrupted = Thread.interrupted();
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.event("could not release the lease (it expires by itself): " + e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private DeploymentLease lease(String namespace, String service, String environment) {
        return new DeploymentLease(client, namespace, Names.lockName(service, environment), clock);
    }

    /**
     * How long the lease lasts without renewal: the longest a phase may take (its progress deadline, plus a
     * blue-green scale-down delay or a canary pause) and the slack, so a live deployment never loses its lease.
     */
    static java.time.Duration leaseDuration(DeploymentRequest request, DeploymentPlan plan, EngineOptions options) {
        java.time.Duration longestWait = plan.phases().stream()
                .map(p -> p.waitBefore().plus(p.pauseAfter()))
                .max(java.time.Duration::compareTo)
                .orElse(java.time.Duration.ZERO);
        return request.progressDeadline().plus(longestWait).plus(options.leaseSlack());
    }

    private String holder(String id, String triggeredBy) {
        String who = !options.holderIdentity().isEmpty() ? options.holderIdentity() : triggeredBy;
        return who.isEmpty() ? id : id + " (" + who + ")";
    }

    private String newId(DeploymentRequest request) {
        return request.service() + "-" + request.environment() + "-" + ID_TIME.format(clock.instant()) + "-" + suffix();
    }

    private static String suffix() {
        return Integer.toHexString(0x10000 + RANDOM.nextInt(0xf0000)).substring(1);
    }

    static String snapshotName(String service, String environment) {
        return Names.lockName(service, environment) + "-snapshot";
    }

    static ResourceWriter writer(KubernetesClient client, EngineOptions options, RunLog log) {
        return new ResourceWriter(client, options.conflictRetries(), log::event);
    }

    static RolloutWatcher watcher(KubernetesClient client, String namespace, RunLog log) {
        return new RolloutWatcher(client, namespace, log::event);
    }
}
