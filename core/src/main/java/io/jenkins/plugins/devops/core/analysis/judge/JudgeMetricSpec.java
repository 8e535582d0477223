package io.jenkins.plugins.devops.core.analysis.judge;

import java.util.Objects;

/**
 * One metric the canary judge compares between canary and baseline.
 *
 * @param name the metric's name in results
 * @param query PromQL that must contain {@code {{track}}} so it can be asked once per side
 * @param direction which change is bad
 * @param critical a failure of this metric sets the whole score to 0
 * @param mustHaveData missing data fails the metric instead of leaving it out of the score
 * @param weight the metric's share of the score, relative to the other metrics (default 1)
 * @param allowedIncrease canary-mean ÷ baseline-mean ratio up to which a significant increase still passes
 * @param allowedDecrease ratio down to which a significant decrease still passes
 * @param nanAsZero replace NaN samples with 0 instead of dropping them (Kayenta's {@code nanStrategy: replace})
 */
public record JudgeMetricSpec(
        String name,
        String query,
        Direction direction,
        boolean critical,
        boolean mustHaveData,
        double weight,
        double allowedIncrease,
        double allowedDecrease,
        boolean nanAsZero) {
    public JudgeMetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(direction, "direction");
    }
}
