package io.jenkins.plugins.devops.core.dora;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Turns tallies into figures, bands and target verdicts. */
final class ReportBuilder {
    private final DoraSettings settings;
    private final Instant from;
    private final Instant to;

    ReportBuilder(DoraSettings settings, Instant from, Instant to) {
        this.settings = settings;
        this.from = from;
        this.to = to;
    }

    /** What a report is made of, however it was counted. */
    record Totals(
            int deployments,
            int successes,
            int failures,
            int deploymentDays,
            OptionalLong leadMedian,
            int restores,
            OptionalLong restoreMedian,
            int openFailures,
            long failedSeconds,
            int seriesCount,
            int reworkDeclared,
            int reworkAfterFailure) {}

    /**
     * @param measuredAvailability availability from an external source, or NaN to derive it from failed time
     */
    DoraReport report(
            String scope, String service, String environment, List<SeriesTally> tallies, double measuredAvailability) {
        int deployments = 0;
        int successes = 0;
        int failures = 0;
        java.util.BitSet days = new java.util.BitSet();
        int restores = 0;
        int open = 0;
        long failedSeconds = 0;
        int reworkDeclared = 0;
        int reworkAfterFailure = 0;
        List<SortedRuns.Run> leads = new ArrayList<>(tallies.size());
        List<SortedRuns.Run> restoreRuns = new ArrayList<>(tallies.size());
        for (SeriesTally t : tallies) {
            deployments += t.deployments;
            successes += t.successes;
            failures += t.changeFailures;
            days.or(t.days);
            restores += t.restoreCount;
            open += t.openFailures;
            failedSeconds += t.failedSeconds;
            reworkDeclared += t.reworkDeclared;
            reworkAfterFailure += t.reworkAfterFailure;
            leads.add(new SortedRuns.Run(t.leads, t.leadCount));
            restoreRuns.add(new SortedRuns.Run(t.restores, t.restoreCount));
        }
        Totals totals = new Totals(
                deployments,
                successes,
                failures,
                days.get(0, (int) overlappedDays(from.getEpochSecond(), to.getEpochSecond()))
                        .cardinality(),
                SortedRuns.median(leads),
                restores,
                SortedRuns.median(restoreRuns),
                open,
                failedSeconds,
                tallies.size(),
                reworkDeclared,
                reworkAfterFailure);
        return report(scope, service, environment, totals, measuredAvailability);
    }

    DoraReport report(String scope, String service, String environment, Totals t, double measuredAvailability) {
        double windowDays = settings.window().toSeconds() / 86_400.0;
        long windowSeconds = settings.window().toSeconds();
        OptionalDouble cfr = t.deployments() == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of((double) t.failures() / t.deployments());
        int rework = t.reworkDeclared() + t.reworkAfterFailure();
        OptionalDouble reworkRate =
                t.deployments() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) rework / t.deployments());
        boolean measured = !Double.isNaN(measuredAvailability);
        // No service at all (an empty ledger, or a scope nobody deployed to) is no data, not 100%: NaN, target not met.
        boolean noData = !measured && t.seriesCount() == 0;
        double availability = measured
                ? measuredAvailability
                : noData ? Double.NaN : 1.0 - (double) t.failedSeconds() / ((double) windowSeconds * t.seriesCount());
        DoraFigures figures = new DoraFigures(
                t.deployments(),
                t.successes(),
                t.failures(),
                t.successes() / windowDays,
                t.deploymentDays() / (overlappedDays(from.getEpochSecond(), to.getEpochSecond()) / 7.0),
                seconds(t.leadMedian()),
                cfr,
                t.restores(),
                seconds(t.restoreMedian()),
                t.openFailures(),
                rework,
                t.reworkDeclared(),
                t.reworkAfterFailure(),
                reworkRate,
                availability,
                measured && service.isEmpty()
                        ? "mean of services (prometheus)"
                        : measured ? "prometheus" : noData ? "no data" : "failed-state time");
        return new DoraReport(
                scope,
                service,
                environment,
                from,
                to,
                figures,
                bands(figures),
                settings.bands().reportYear(),
                targets(figures));
    }

    /**
     * The UTC days that share some time with the window {@code (from, to]}: the denominator of deployment days per
     * week. A window that does not start at midnight overlaps one day more than its length in days; dividing by
     * its length would let a team that deploys every day score more than 7 days a week.
     */
    static long overlappedDays(long from, long to) {
        return Math.floorDiv(to - 1, 86_400) - Math.floorDiv(from, 86_400) + 1;
    }

    /** The last UTC day that {@link #overlappedDays} counts (a deployment exactly at midnight belongs to the next). */
    static long lastOverlappedDay(long to) {
        return Math.floorDiv(to - 1, 86_400);
    }

    private static Optional<Duration> seconds(OptionalLong value) {
        return value.isPresent() ? Optional.of(Duration.ofSeconds(value.getAsLong())) : Optional.empty();
    }

    private Map<DoraMetric, Band> bands(DoraFigures f) {
        DoraBands b = settings.bands();
        Map<DoraMetric, Band> bands = new EnumMap<>(DoraMetric.class);
        bands.put(
                DoraMetric.DEPLOYMENT_FREQUENCY,
                f.deployments() == 0 ? Band.LOW : b.frequency(f.deploymentFrequency()));
        bands.put(
                DoraMetric.LEAD_TIME_FOR_CHANGES,
                f.leadTimeForChanges()
                        .map(d -> DoraBands.below(d, b.leadTime()))
                        .orElse(Band.NO_DATA));
        bands.put(
                DoraMetric.CHANGE_FAILURE_RATE,
                f.changeFailureRate().isPresent()
                        ? b.failureRate(f.changeFailureRate().getAsDouble())
                        : Band.NO_DATA);
        bands.put(
                DoraMetric.FAILED_DEPLOYMENT_RECOVERY_TIME,
                f.failedDeploymentRecoveryTime()
                        .map(d -> DoraBands.below(d, b.failedDeploymentRecoveryTime()))
                        .orElse(Band.NO_DATA));
        // no band for deployment rework rate: no report with clusters defined one (see DoraBands)
        return bands;
    }

    private Map<DoraMetric, Boolean> targets(DoraFigures f) {
        DoraTargets t = settings.targets();
        Map<DoraMetric, Boolean> met = new EnumMap<>(DoraMetric.class);
        met.put(DoraMetric.DEPLOYMENT_FREQUENCY, f.deploymentFrequency() > t.deploymentsPerDayAbove());
        met.put(
                DoraMetric.LEAD_TIME_FOR_CHANGES,
                f.leadTimeForChanges()
                        .map(d -> d.compareTo(t.leadTimeBelow()) < 0)
                        .orElse(false));
        met.put(
                DoraMetric.CHANGE_FAILURE_RATE,
                f.changeFailureRate().isPresent() && f.changeFailureRate().getAsDouble() < t.changeFailureRateBelow());
        met.put(
                DoraMetric.FAILED_DEPLOYMENT_RECOVERY_TIME,
                f.failedDeploymentRecoveryTime()
                        .map(d -> d.compareTo(t.failedDeploymentRecoveryTimeBelow()) < 0)
                        .orElse(f.openFailures() == 0));
        met.put(DoraMetric.AVAILABILITY, f.availability() > t.availabilityAbove());
        return met;
    }
}
