package io.jenkins.plugins.devops.core.dora;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The measured figures of one scope over one window.
 *
 * @param deployments forward deployments finished in the window (rollbacks by hand are not deployments)
 * @param successfulDeployments of those, the ones that succeeded
 * @param changeFailures deployments that failed, were rolled back automatically, were rolled back by hand or
 *     superseded by a fix within the configured time
 * @param deploymentsPerDay successful deployments per day
 * @param deploymentDaysPerWeek days (UTC) with at least one successful deployment, per week
 * @param leadTime median time from commit to successful deployment, over every commit of those deployments
 * @param changeFailureRate change failures ÷ deployments; empty without deployments
 * @param restores failures restored in the window (the sample of the time to restore)
 * @param timeToRestore median time from a failure to the next successful deployment or rollback
 * @param openFailures failures not restored at the end of the window
 * @param availability share of the window not spent in a failed state (or from Prometheus); NaN for a scope without
 *     any service
 * @param availabilitySource {@code failed-state time}, {@code prometheus} or {@code no data}
 */
public record DoraFigures(
        int deployments,
        int successfulDeployments,
        int changeFailures,
        double deploymentsPerDay,
        double deploymentDaysPerWeek,
        Optional<Duration> leadTime,
        OptionalDouble changeFailureRate,
        int restores,
        Optional<Duration> timeToRestore,
        int openFailures,
        double availability,
        String availabilitySource) {}
