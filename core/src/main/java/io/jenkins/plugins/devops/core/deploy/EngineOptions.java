package io.jenkins.plugins.devops.core.deploy;

import java.time.Duration;

/**
 * Tuning of the engine itself (not of one deployment).
 *
 * @param conflictRetries how often a write that meets a 409 Conflict is re-read and retried
 * @param leaseSlack how long the per-service lease outlives the progress deadline, so that a dead process's lease
 *     expires and the next deployment can take it over
 * @param rollbackTimeout how long a rollback waits for the restored Deployments to become ready again
 * @param holderIdentity who holds the lease, shown to a refused concurrent deployment (e.g. the Jenkins build URL)
 */
public record EngineOptions(int conflictRetries, Duration leaseSlack, Duration rollbackTimeout, String holderIdentity) {
    public EngineOptions {
        if (conflictRetries < 0) {
            throw new IllegalArgumentException("conflictRetries must be >= 0");
        }
        leaseSlack = leaseSlack == null ? Duration.ofSeconds(60) : leaseSlack;
        rollbackTimeout = rollbackTimeout == null ? Duration.ofMinutes(5) : rollbackTimeout;
        holderIdentity = holderIdentity == null ? "" : holderIdentity;
    }

    /** 5 conflict retries, 60 s lease slack, 5 min rollback timeout. */
    public static EngineOptions defaults() {
        return new EngineOptions(5, Duration.ofSeconds(60), Duration.ofMinutes(5), "");
    }

    public EngineOptions withHolderIdentity(String identity) {
        return new EngineOptions(conflictRetries, leaseSlack, rollbackTimeout, identity);
    }

    public EngineOptions withRollbackTimeout(Duration timeout) {
        return new EngineOptions(conflictRetries, leaseSlack, timeout, holderIdentity);
    }
}
