package io.jenkins.plugins.devops.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryScoreTest {
    private static MetricComparison metric(Classification c, boolean failed, boolean critical, double weight) {
        return new MetricComparison("m", c, failed, critical, weight, 0, 0.5, 1, 1, "");
    }

    @Test
    void scoreIsTheWeightedShareOfPassingMetrics() {
        assertThat(CanaryScore.of(List.of(
                                metric(Classification.PASS, false, false, 1),
                                metric(Classification.HIGH, true, false, 1)))
                        .score())
                .isEqualTo(50.0);
        assertThat(CanaryScore.of(List.of(
                                metric(Classification.PASS, false, false, 3),
                                metric(Classification.HIGH, true, false, 1)))
                        .score())
                .isEqualTo(75.0);
    }

    @Test
    void aLowMetricWhoseDirectionAllowsItStillCountsAsPassing() {
        assertThat(CanaryScore.of(List.of(metric(Classification.LOW, false, false, 1)))
                        .score())
                .isEqualTo(100.0);
    }

    @Test
    void aFailedCriticalMetricSetsTheScoreToZero() {
        CanaryScore score = CanaryScore.of(List.of(
                metric(Classification.PASS, false, false, 10),
                metric(Classification.PASS, false, false, 10),
                metric(Classification.HIGH, true, true, 1)));

        assertThat(score.score()).isZero();
        assertThat(score.criticalFailure()).isTrue();
    }

    @Test
    void metricsWithoutDataAreLeftOutAndOnlyNoDataIsInconclusive() {
        CanaryScore partly = CanaryScore.of(
                List.of(metric(Classification.PASS, false, false, 1), metric(Classification.NODATA, false, false, 1)));
        CanaryScore none = CanaryScore.of(List.of(metric(Classification.NODATA, false, false, 1)));
        CanaryScore required = CanaryScore.of(
                List.of(metric(Classification.PASS, false, false, 1), metric(Classification.NODATA, true, false, 1)));

        assertThat(partly.score()).isEqualTo(100.0);
        assertThat(none.inconclusive()).isTrue();
        assertThat(required.score()).isEqualTo(50.0);
    }
}
