package io.jenkins.plugins.devops.core.context;

import java.util.List;
import java.util.Objects;

/**
 * How a service is watched: one entry of {@code monitoring.json}.
 *
 * @param service the service
 * @param environment the environment
 * @param prometheusUrl the Prometheus the analysis queries, or {@code null}; user info and query are dropped
 * @param analysis the metrics the analysis checks
 * @param smokeTests URLs the smoke tests call; user info and query are dropped
 * @param eventSinks where deployment events go
 */
public record ServiceMonitoring(
        String service,
        String environment,
        String prometheusUrl,
        List<AnalysisMetric> analysis,
        List<String> smokeTests,
        List<EventSinkRef> eventSinks) {
    public ServiceMonitoring {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        prometheusUrl = prometheusUrl == null ? null : PublicUrl.of(prometheusUrl);
        analysis = analysis == null ? List.of() : List.copyOf(analysis);
        smokeTests = smokeTests == null
                ? List.of()
                : smokeTests.stream().map(PublicUrl::of).toList();
        eventSinks = eventSinks == null ? List.of() : List.copyOf(eventSinks);
    }

    boolean sameTargetAs(ServiceMonitoring other) {
        return service.equals(other.service) && environment.equals(other.environment);
    }
}
