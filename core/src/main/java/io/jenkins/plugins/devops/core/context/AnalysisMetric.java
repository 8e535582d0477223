package io.jenkins.plugins.devops.core.context;

import java.util.Objects;

/**
 * A metric the health analysis checks.
 *
 * @param metric analysis name or built-in template (e.g. {@code request-success-rate}) or a label for a PromQL query
 * @param min lowest passing value, or {@code null}
 * @param max highest passing value, or {@code null}
 */
public record AnalysisMetric(String metric, Double min, Double max) {
    public AnalysisMetric {
        Objects.requireNonNull(metric, "metric");
    }
}
