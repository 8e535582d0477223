package io.jenkins.plugins.devops.core.dora;

import java.time.Duration;
import java.util.Objects;

/**
 * The team's own targets; each report says met or not met for each.
 *
 * @param deploymentsPerDayAbove deployment frequency must be above this many per day
 * @param leadTimeBelow the median lead time must be below this
 * @param failedDeploymentRecoveryTimeBelow the median failed deployment recovery time must be below this
 * @param changeFailureRateBelow the change failure rate must be below this fraction
 * @param availabilityAbove availability must be above this fraction
 */
public record DoraTargets(
        double deploymentsPerDayAbove,
        Duration leadTimeBelow,
        Duration failedDeploymentRecoveryTimeBelow,
        double changeFailureRateBelow,
        double availabilityAbove) {

    public DoraTargets {
        Objects.requireNonNull(leadTimeBelow, "leadTimeBelow");
        Objects.requireNonNull(failedDeploymentRecoveryTimeBelow, "failedDeploymentRecoveryTimeBelow");
        if (changeFailureRateBelow < 0
                || changeFailureRateBelow > 1
                || availabilityAbove < 0
                || availabilityAbove > 1) {
            throw new IllegalArgumentException(
                    "change failure rate and availability targets are fractions between 0 and 1 (5% = 0.05)");
        }
    }

    /**
     * The seed's targets: more than 1 deployment a day, lead time under 1 h, recovery under 30 min, CFR under 5%,
     * availability over 99.9%. DORA sets no target for deployment rework rate, and neither do we.
     */
    public static DoraTargets defaults() {
        return new DoraTargets(1.0, Duration.ofHours(1), Duration.ofMinutes(30), 0.05, 0.999);
    }
}
