package io.jenkins.plugins.devops.core.analysis.prometheus;

import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.Track;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One Prometheus metric checked against a threshold, Argo Rollouts style: after {@code initialDelay}, measure
 * {@code count} times every {@code interval}; the metric fails once more than {@code failureLimit} measurements
 * failed, and succeeds early after {@code consecutiveSuccessLimit} passes in a row (0 = measure all {@code count}).
 *
 * @param name the metric's name in results, e.g. {@code error-rate}
 * @param query PromQL with placeholders
 * @param threshold the success condition
 * @param interval time between measurements
 * @param count how many measurements (at least 1)
 * @param initialDelay wait before the first measurement
 * @param failureLimit failed measurements tolerated
 * @param consecutiveSuccessLimit passes in a row that end the metric successfully, 0 to disable
 * @param inconclusive what an inconclusive measurement counts as
 * @param track which side {@code {{track}}} stands for
 * @param endpoint where to query
 * @param points the gate points at which this metric is analysed
 */
public record MetricAnalysisSpec(
        String name,
        String query,
        Threshold threshold,
        Duration interval,
        int count,
        Duration initialDelay,
        int failureLimit,
        int consecutiveSuccessLimit,
        InconclusivePolicy inconclusive,
        Track track,
        PrometheusEndpoint endpoint,
        Set<GatePoint> points) {
    public MetricAnalysisSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(inconclusive, "inconclusive");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(endpoint, "endpoint");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        points = Set.copyOf(points);
    }
}
