package io.jenkins.plugins.devops.core.deploy.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicaSplitTest {
    @ParameterizedTest(name = "{0} replicas at {1}% -> {2} canary + {3} stable")
    @CsvSource({
        "10, 10, 1, 9, 10",
        "10, 41, 4, 6, 40",
        "10, 50, 5, 5, 50",
        "10, 100, 10, 0, 100",
        "4, 10, 1, 3, 25",
        "4, 50, 2, 2, 50",
        "4, 90, 4, 1, 80",
        "1, 10, 1, 1, 50",
        "1, 100, 1, 0, 100",
        "3, 50, 2, 1, 67"
    })
    void roundsHalfUpWithAtLeastOnePodOnEachSideBelow100(int total, int weight, int canary, int stable, int effective) {
        ReplicaSplit split = ReplicaSplit.of(total, weight);
        assertThat(split).isEqualTo(new ReplicaSplit(canary, stable));
        assertThat(split.effectiveWeight()).isEqualTo(effective);
    }
}
