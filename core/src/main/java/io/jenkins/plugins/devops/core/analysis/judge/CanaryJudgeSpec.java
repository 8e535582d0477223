package io.jenkins.plugins.devops.core.analysis.judge;

import io.jenkins.plugins.devops.core.analysis.prometheus.InconclusivePolicy;
import io.jenkins.plugins.devops.core.analysis.prometheus.PrometheusEndpoint;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A statistical canary judgement: each metric is sampled for canary and baseline over {@code lookback} at
 * {@code step} resolution, compared with a Mann-Whitney U test and combined into a 0-100 score.
 *
 * @param name the gate's name
 * @param metrics the compared metrics
 * @param confidence the test's confidence level (default 0.98)
 * @param passScore the score at or above which the canary passes (default 95)
 * @param marginalScore the score at or above which an intermediate step continues (default 75)
 * @param delay wait before sampling, so the canary has served traffic
 * @param lookback the sampled window, ending now
 * @param step the sample resolution
 * @param inconclusive what a judgement without any scored metric counts as
 * @param endpoint where to query
 * @param points the gate points at which the judge runs
 */
public record CanaryJudgeSpec(
        String name,
        List<JudgeMetricSpec> metrics,
        double confidence,
        double passScore,
        double marginalScore,
        Duration delay,
        Duration lookback,
        Duration step,
        InconclusivePolicy inconclusive,
        PrometheusEndpoint endpoint,
        Set<GatePoint> points) {
    public CanaryJudgeSpec {
        Objects.requireNonNull(name, "name");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(inconclusive, "inconclusive");
        Objects.requireNonNull(endpoint, "endpoint");
        points = Set.copyOf(points);
    }
}
