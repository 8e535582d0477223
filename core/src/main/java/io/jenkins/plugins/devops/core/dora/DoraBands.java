package io.jenkins.plugins.devops.core.dora;

import java.time.Duration;
import java.util.Objects;

/**
 * Performance band limits, labelled with the DORA report they come from.
 *
 * @param reportYear the report the limits come from, shown next to the band (e.g. {@code "2023"})
 * @param frequencyPerDay deployments per day at least needed for Elite, High, Medium (else Low)
 * @param leadTime lead time below which a team is Elite, High, Medium (else Low)
 * @param failedDeploymentRecoveryTime recovery time below which a team is Elite, High, Medium (else Low)
 * @param changeFailureRate change failure rate at most allowed for Elite, High, Medium (else Low)
 */
public record DoraBands(
        String reportYear,
        double[] frequencyPerDay,
        Duration[] leadTime,
        Duration[] failedDeploymentRecoveryTime,
        double[] changeFailureRate) {

    public DoraBands {
        Objects.requireNonNull(reportYear, "reportYear");
        check(frequencyPerDay.length, "frequencyPerDay");
        check(leadTime.length, "leadTime");
        check(failedDeploymentRecoveryTime.length, "failedDeploymentRecoveryTime");
        check(changeFailureRate.length, "changeFailureRate");
        frequencyPerDay = frequencyPerDay.clone();
        leadTime = leadTime.clone();
        failedDeploymentRecoveryTime = failedDeploymentRecoveryTime.clone();
        changeFailureRate = changeFailureRate.clone();
    }

    private static void check(int length, String name) {
        if (length != 3) {
            throw new IllegalArgumentException(name + " needs 3 limits (Elite, High, Medium), got " + length);
        }
    }

    /**
     * The DORA 2023 State of DevOps limits, the last report with low / medium / high / elite clusters for every
     * metric: on demand (daily or more) / weekly / monthly deployments; lead time under a day / a week / a month;
     * failed deployment recovery time under an hour / a day / a week; change failure rate 5% / 10% / 15%. The 2023
     * report has no deployment rework rate (added in 2024), so it has no band; the 2025 report replaced the clusters
     * with team profiles, so no band is invented for it.
     */
    public static DoraBands dora2023() {
        return new DoraBands(
                "2023",
                new double[] {1.0, 1.0 / 7, 1.0 / 30},
                new Duration[] {Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)},
                new Duration[] {Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7)},
                new double[] {0.05, 0.10, 0.15});
    }

    Band frequency(double perDay) {
        for (int i = 0; i < 3; i++) {
            if (perDay >= frequencyPerDay[i]) {
                return Band.values()[i];
            }
        }
        return Band.LOW;
    }

    static Band below(Duration value, Duration[] limits) {
        for (int i = 0; i < 3; i++) {
            if (value.compareTo(limits[i]) < 0) {
                return Band.values()[i];
            }
        }
        return Band.LOW;
    }

    Band failureRate(double rate) {
        for (int i = 0; i < 3; i++) {
            if (rate <= changeFailureRate[i]) {
                return Band.values()[i];
            }
        }
        return Band.LOW;
    }
}
