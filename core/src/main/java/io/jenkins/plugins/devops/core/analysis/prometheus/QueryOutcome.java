package io.jenkins.plugins.devops.core.analysis.prometheus;

import java.util.List;

/** What one Prometheus query gave: a single value, a series of samples, or no usable answer and why. */
public sealed interface QueryOutcome {
    /** An instant query answered with one number. */
    record Value(double value) implements QueryOutcome {}

    /** A range query answered with one series; NaN samples are kept for the caller's NaN strategy. */
    record Samples(List<Double> values) implements QueryOutcome {
        public Samples {
            values = List.copyOf(values);
        }
    }

    /**
     * No decision can be made from the answer: no data, NaN, a query error or Prometheus unreachable.
     *
     * @param reason a sentence for the user, never containing a secret
     */
    record Inconclusive(String reason) implements QueryOutcome {}
}
