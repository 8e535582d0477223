package io.jenkins.plugins.devops.core.deploy;

import io.jenkins.plugins.devops.core.gate.GateResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The immutable record of one finished deployment or rollback: what the engine hands to the ledger, the DORA
 * calculator, the event publisher and the build report.
 *
 * @param deploymentId unique id of this deployment
 * @param kind deployment or manual rollback
 * @param service the service
 * @param environment the environment
 * @param namespace the Kubernetes namespace
 * @param strategy {@code rolling}, {@code recreate}, {@code blue-green} or {@code canary}
 * @param outcome how it ended
 * @param version the version that was deployed (for a rollback: the version rolled back to)
 * @param previousVersion the version serving before, empty for a first install
 * @param artifact the image reference, with digest when known
 * @param startedAt start
 * @param finishedAt end
 * @param commits the commits this deployment ships (empty for a rollback)
 * @param triggeredBy who or what started it
 * @param failureReason why it failed, in words; empty on success
 * @param phases per-phase timings
 * @param gateResults every gate verdict, in order
 * @param events notable things seen on the way (Kubernetes events, retries, lease take-overs)
 */
public record DeploymentRecord(
        String deploymentId,
        DeploymentKind kind,
        String service,
        String environment,
        String namespace,
        String strategy,
        Outcome outcome,
        String version,
        String previousVersion,
        String artifact,
        Instant startedAt,
        Instant finishedAt,
        List<Commit> commits,
        String triggeredBy,
        String failureReason,
        List<PhaseRecord> phases,
        List<GateResult> gateResults,
        List<String> events) {
    public DeploymentRecord {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        namespace = namespace == null ? "" : namespace;
        strategy = strategy == null ? "" : strategy;
        version = version == null ? "" : version;
        previousVersion = previousVersion == null ? "" : previousVersion;
        artifact = artifact == null ? "" : artifact;
        triggeredBy = triggeredBy == null ? "" : triggeredBy;
        failureReason = failureReason == null ? "" : failureReason;
        commits = commits == null ? List.of() : List.copyOf(commits);
        phases = phases == null ? List.of() : List.copyOf(phases);
        gateResults = gateResults == null ? List.of() : List.copyOf(gateResults);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** True when the engine rolled the deployment back by itself. */
    public boolean rolledBackAutomatically() {
        return outcome == Outcome.FAILED_ROLLED_BACK || outcome == Outcome.ABORTED;
    }
}
