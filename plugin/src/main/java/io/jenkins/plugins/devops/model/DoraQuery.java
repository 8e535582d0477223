package io.jenkins.plugins.devops.model;

import io.jenkins.plugins.devops.config.DevopsConfiguration;
import io.jenkins.plugins.devops.core.dora.DoraCalculator;
import io.jenkins.plugins.devops.core.dora.DoraReport;
import io.jenkins.plugins.devops.core.dora.DoraSettings;
import io.jenkins.plugins.devops.core.dora.DoraSummary;
import io.jenkins.plugins.devops.core.dora.DoraTargets;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The DORA figures as of now, computed by core from the ledger's index (never by loading builds), with the window
 * and targets of the system configuration.
 */
public final class DoraQuery {
    private final DevopsConfiguration config;

    public DoraQuery() {
        this(DevopsConfiguration.get());
    }

    DoraQuery(DevopsConfiguration config) {
        this.config = config;
    }

    /** Every report (per service and environment, per environment, overall) for the window ending now. */
    public DoraSummary summary(int windowDays) throws IOException {
        return summary(windowDays, Instant.now());
    }

    /** The same for the window ending at {@code to} (used for trend points). */
    public DoraSummary summary(int windowDays, Instant to) throws IOException {
        return new DoraCalculator(settings(windowDays))
                .calculate(LedgerStore.get().ledger().index(), to);
    }

    /** The report of one service in one environment, if it has ever been deployed there. */
    public Optional<DoraReport> report(String service, String environment, int windowDays) throws IOException {
        return find(summary(windowDays), service, environment);
    }

    static Optional<DoraReport> find(DoraSummary summary, String service, String environment) {
        return summary.services().stream()
                .filter(r -> r.service().equals(service) && r.environment().equals(environment))
                .findFirst();
    }

    /** The configured window unless {@code windowDays} is positive. */
    public int windowOrDefault(int windowDays) {
        return windowDays > 0 ? windowDays : config.getDoraWindowDays();
    }

    private DoraSettings settings(int windowDays) {
        DoraSettings defaults = DoraSettings.defaults();
        DoraTargets targets = new DoraTargets(
                config.getDeploymentFrequencyTargetPerDay(),
                hours(config.getLeadTimeTargetHours()),
                hours(config.getTimeToRestoreTargetHours()),
                config.getChangeFailureRateTargetPercent() / 100.0,
                config.getAvailabilityTargetPercent() / 100.0);
        return new DoraSettings(
                Duration.ofDays(windowOrDefault(windowDays)),
                defaults.rollbackCountsWithin(),
                defaults.supersededCountsWithin(),
                defaults.bands(),
                targets);
    }

    private static Duration hours(double hours) {
        return Duration.ofSeconds(Math.round(hours * 3600));
    }
}
