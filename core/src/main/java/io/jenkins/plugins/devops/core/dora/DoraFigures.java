package io.jenkins.plugins.devops.core.dora;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The measured figures of one scope over one window, named after the DORA metrics they are (definitions with the
 * report year each comes from: {@code docs/dora.md}).
 *
 * @param deployments forward deployments finished in the window (rollbacks by hand are not deployments)
 * @param successfulDeployments of those, the ones that succeeded
 * @param changeFailures deployments that failed, were rolled back automatically, were rolled back by hand or
 *     superseded by a fix within the configured time
 * @param deploymentFrequency successful deployments per day
 * @param deploymentDaysPerWeek days (UTC) with at least one successful deployment, per week
 * @param leadTimeForChanges median time from commit to successful deployment, over every commit of those
 *     deployments
 * @param changeFailureRate change failures ÷ deployments; empty without deployments
 * @param recoveries failed deployments recovered in the window (the sample of the recovery time)
 * @param failedDeploymentRecoveryTime median time from a failed deployment to the next successful deployment or
 *     rollback of the same service and environment
 * @param openFailures failures not recovered at the end of the window
 * @param reworkDeployments deployments that were rework (declared, or right after a failure; see the next two)
 * @param reworkDeclared rework because the request said so ({@code rework: true}, {@code --rework})
 * @param reworkAfterFailure rework because it followed a failed deployment or a rollback of the same service and
 *     environment within the configured time (and was not declared)
 * @param deploymentReworkRate rework deployments ÷ deployments; empty without deployments
 * @param availability share of the window not spent in a failed state (or from Prometheus); NaN for a scope without
 *     any service
 * @param availabilitySource {@code failed-state time}, {@code prometheus} or {@code no data}
 */
public record DoraFigures(
        int deployments,
        int successfulDeployments,
        int changeFailures,
        double deploymentFrequency,
        double deploymentDaysPerWeek,
        Optional<Duration> leadTimeForChanges,
        OptionalDouble changeFailureRate,
        int recoveries,
        Optional<Duration> failedDeploymentRecoveryTime,
        int openFailures,
        int reworkDeployments,
        int reworkDeclared,
        int reworkAfterFailure,
        OptionalDouble deploymentReworkRate,
        double availability,
        String availabilitySource) {}
