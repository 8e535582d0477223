package io.jenkins.plugins.devops.core.dora;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Exposes DORA figures to Prometheus (simpleclient): one gauge family per figure, labelled by scope, service and
 * environment. The Jenkins plugin's Prometheus extension only registers it:
 *
 * <pre>{@code
 * new DoraCollector(rollingDora::reports).register(CollectorRegistry.defaultRegistry);
 * }</pre>
 *
 * A figure without data (no deployments, nothing restored) is left out rather than exported as 0.
 */
public final class DoraCollector extends Collector {
    private static final List<String> LABELS = List.of("scope", "service", "environment");

    private final Supplier<? extends Collection<DoraReport>> reports;

    public DoraCollector(Supplier<? extends Collection<DoraReport>> reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public List<MetricFamilySamples> collect() {
        Collection<DoraReport> current = reports.get();
        List<MetricFamilySamples> families = new ArrayList<>();
        families.add(gauge(current, "devops_dora_deployments", "Deployments finished in the DORA window.", r ->
                (double) r.figures().deployments()));
        families.add(gauge(
                current,
                "devops_dora_deployment_frequency",
                "DORA deployment frequency: successful deployments per day.",
                r -> r.figures().deploymentFrequency()));
        families.add(gauge(
                current,
                "devops_dora_deployment_days_per_week",
                "Days with at least one successful deployment, per week.",
                r -> r.figures().deploymentDaysPerWeek()));
        families.add(gauge(
                current,
                "devops_dora_lead_time_for_changes_seconds",
                "DORA lead time for changes: median time from commit to successful deployment.",
                r -> seconds(r.figures().leadTimeForChanges())));
        families.add(gauge(
                current,
                "devops_dora_change_failure_rate",
                "DORA change failure rate: share of deployments that failed or needed a rollback or fix (0..1).",
                r -> fraction(r.figures().changeFailureRate())));
        families.add(gauge(
                current,
                "devops_dora_failed_deployment_recovery_time_seconds",
                "DORA failed deployment recovery time: median time from a failed deployment to recovery.",
                r -> seconds(r.figures().failedDeploymentRecoveryTime())));
        families.add(gauge(
                current,
                "devops_dora_deployment_rework_rate",
                "DORA deployment rework rate: share of deployments that were unplanned fixes (0..1).",
                r -> fraction(r.figures().deploymentReworkRate())));
        families.add(gauge(
                current,
                "devops_dora_availability",
                "Share of the window not in a failed state (0..1).",
                r -> Double.isNaN(r.figures().availability())
                        ? null
                        : r.figures().availability()));
        return families;
    }

    private static Double seconds(java.util.Optional<java.time.Duration> value) {
        return value.map(d -> (double) d.toSeconds()).orElse(null);
    }

    private static Double fraction(java.util.OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static GaugeMetricFamily gauge(
            Collection<DoraReport> reports, String name, String help, Function<DoraReport, Double> value) {
        GaugeMetricFamily family = new GaugeMetricFamily(name, help, LABELS);
        for (DoraReport report : reports) {
            Double v = value.apply(report);
            if (v != null) {
                family.addMetric(List.of(report.scope(), report.service(), report.environment()), v);
            }
        }
        return family;
    }
}
