package io.jenkins.plugins.devops.core.ledger;

import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One deployment or rollback as the ledger keeps it: the part of a {@link DeploymentRecord} that DORA metrics and
 * audits need (gate measurements and phase timings stay in the build report).
 *
 * @param id unique deployment id
 * @param kind forward deployment or manual rollback
 * @param service the service
 * @param environment the environment
 * @param version the version deployed (for a rollback: the version rolled back to)
 * @param previousVersion the version serving before; empty for a first install
 * @param artifact the image reference, with digest when known
 * @param outcome how it ended
 * @param startedAt start
 * @param finishedAt end
 * @param commits the commits shipped (their times give the lead time)
 * @param strategy rolling, recreate, blue-green or canary
 * @param triggeredBy who or what started it
 * @param rolledBackAt when the engine rolled it back by itself; empty if it was not
 * @param rework the request declared this deployment rework: unplanned, made to fix a user-facing problem (a hot
 *     fix). Deployment rework rate also counts deployments right after a failure; that rule is applied when the
 *     figures are computed, since its time limit is a report setting
 */
public record LedgerEntry(
        String id,
        DeploymentKind kind,
        String service,
        String environment,
        String version,
        String previousVersion,
        String artifact,
        Outcome outcome,
        Instant startedAt,
        Instant finishedAt,
        List<Commit> commits,
        String strategy,
        String triggeredBy,
        Optional<Instant> rolledBackAt,
        boolean rework) {

    /** An entry not declared as rework. */
    public LedgerEntry(
            String id,
            DeploymentKind kind,
            String service,
            String environment,
            String version,
            String previousVersion,
            String artifact,
            Outcome outcome,
            Instant startedAt,
            Instant finishedAt,
            List<Commit> commits,
            String strategy,
            String triggeredBy,
            Optional<Instant> rolledBackAt) {
        this(
                id,
                kind,
                service,
                environment,
                version,
                previousVersion,
                artifact,
                outcome,
                startedAt,
                finishedAt,
                commits,
                strategy,
                triggeredBy,
                rolledBackAt,
                false);
    }

    public LedgerEntry {
        id = required(id, "id");
        service = required(service, "service");
        environment = required(environment, "environment");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("deployment " + id + " finished (" + finishedAt + ") before it started ("
                    + startedAt + "); check the clock of the machine that recorded it");
        }
        version = version == null ? "" : version;
        previousVersion = previousVersion == null ? "" : previousVersion;
        artifact = artifact == null ? "" : artifact;
        strategy = strategy == null ? "" : strategy;
        triggeredBy = triggeredBy == null ? "" : triggeredBy;
        commits = commits == null ? List.of() : List.copyOf(commits);
        rolledBackAt = rolledBackAt == null ? Optional.empty() : rolledBackAt;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "a ledger entry needs a non-empty " + field + "; set " + field + " on the deployment");
        }
        return value;
    }

    /** The ledger's view of a record the engine produced, not declared as rework. */
    public static LedgerEntry of(DeploymentRecord record) {
        return of(record, false);
    }

    /** The ledger's view of a record the engine produced; {@code rework} as the request declared it. */
    public static LedgerEntry of(DeploymentRecord record, boolean rework) {
        return new LedgerEntry(
                record.deploymentId(),
                record.kind(),
                record.service(),
                record.environment(),
                record.version(),
                record.previousVersion(),
                record.artifact(),
                record.outcome(),
                record.startedAt(),
                record.finishedAt(),
                record.commits(),
                record.strategy(),
                record.triggeredBy(),
                record.rolledBackAutomatically() ? Optional.of(record.finishedAt()) : Optional.empty(),
                rework && record.kind() == DeploymentKind.DEPLOY);
    }
}
