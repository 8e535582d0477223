package io.jenkins.plugins.devops.core.analysis.judge;

import java.util.List;

/**
 * The combined judgement: the weighted share of passing metrics in percent, 0 when a critical metric failed, and
 * {@code NaN} when no metric could be scored.
 *
 * <pre>{@code
 * CanaryScore score = CanaryScore.of(List.of(errorRate, latency));   // 50.0 when one of two equal metrics fails
 * }</pre>
 */
public record CanaryScore(double score, boolean criticalFailure, List<MetricComparison> metrics) {
    public CanaryScore {
        metrics = List.copyOf(metrics);
    }

    public static CanaryScore of(List<MetricComparison> metrics) {
        boolean critical = metrics.stream().anyMatch(m -> m.failed() && m.critical());
        double total = metrics.stream()
                .filter(MetricComparison::scored)
                .mapToDouble(MetricComparison::weight)
                .sum();
        double passing = metrics.stream()
                .filter(m -> m.scored() && !m.failed())
                .mapToDouble(MetricComparison::weight)
                .sum();
        double score = total == 0 ? Double.NaN : 100 * passing / total;
        return new CanaryScore(critical ? 0 : score, critical, metrics);
    }

    /** Whether no metric could be scored (every metric without data and none requiring it). */
    public boolean inconclusive() {
        return Double.isNaN(score);
    }
}
