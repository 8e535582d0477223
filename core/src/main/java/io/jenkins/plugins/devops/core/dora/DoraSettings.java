package io.jenkins.plugins.devops.core.dora;

import java.time.Duration;
import java.util.Objects;

/**
 * How DORA figures are computed.
 *
 * @param window the period that ends at the report time (30 days by default; 7 and 90 are common)
 * @param rollbackCountsWithin a successful deployment that is rolled back by hand within this time counts as a
 *     change failure (default 24 h)
 * @param supersededCountsWithin a successful deployment followed by the next deployment of the same service and
 *     environment within this time counts as a change failure (a hot fix); {@link Duration#ZERO} (the default)
 *     turns this off, because teams that deploy many times a day would otherwise count every deployment
 * @param bands the performance bands
 * @param targets the team's targets
 * @param reworkAfterFailureWithin a deployment that finishes within this time after a failed deployment or a
 *     rollback of the same service and environment counts as rework (default 24 h); {@link Duration#ZERO} counts
 *     only the deployments declared as rework
 */
public record DoraSettings(
        Duration window,
        Duration rollbackCountsWithin,
        Duration supersededCountsWithin,
        DoraBands bands,
        DoraTargets targets,
        Duration reworkAfterFailureWithin) {

    /** With the default rework rule (24 h after a failed deployment or a rollback). */
    public DoraSettings(
            Duration window,
            Duration rollbackCountsWithin,
            Duration supersededCountsWithin,
            DoraBands bands,
            DoraTargets targets) {
        this(window, rollbackCountsWithin, supersededCountsWithin, bands, targets, DEFAULT_REWORK_WITHIN);
    }

    /** The default of {@link #reworkAfterFailureWithin}. */
    public static final Duration DEFAULT_REWORK_WITHIN = Duration.ofHours(24);

    public DoraSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(rollbackCountsWithin, "rollbackCountsWithin");
        Objects.requireNonNull(supersededCountsWithin, "supersededCountsWithin");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(reworkAfterFailureWithin, "reworkAfterFailureWithin");
        if (window.toSeconds() < 3600) {
            throw new IllegalArgumentException("the DORA window must be at least 1 hour, got " + window);
        }
        if (rollbackCountsWithin.isNegative()
                || supersededCountsWithin.isNegative()
                || reworkAfterFailureWithin.isNegative()) {
            throw new IllegalArgumentException("rollback, hot-fix and rework limits cannot be negative");
        }
    }

    /**
     * 30 days, rollbacks within 24 h count as failures, hot-fix detection off, deployments within 24 h of a failure
     * count as rework, DORA 2023 bands, seed targets.
     */
    public static DoraSettings defaults() {
        return new DoraSettings(
                Duration.ofDays(30), Duration.ofHours(24), Duration.ZERO, DoraBands.dora2023(), DoraTargets.defaults());
    }

    public DoraSettings withWindow(Duration newWindow) {
        return new DoraSettings(
                newWindow, rollbackCountsWithin, supersededCountsWithin, bands, targets, reworkAfterFailureWithin);
    }

    public DoraSettings withReworkAfterFailureWithin(Duration within) {
        return new DoraSettings(window, rollbackCountsWithin, supersededCountsWithin, bands, targets, within);
    }
}
