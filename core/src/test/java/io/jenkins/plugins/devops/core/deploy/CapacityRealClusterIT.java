package io.jenkins.plugins.devops.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Never fewer ready pods than desired: a pod watch counts the service's ready pods on every pod event during every
 * phase (and the rollback), with new pods that take 3 s to become Ready, as real ones do.
 */
@Tag("real-cluster")
class CapacityRealClusterIT extends RealClusterFixture {
    private static final Map<String, String> SLOW = Map.of(READY_AFTER, "3");

    /** The fewest ready pods seen during each phase, by phase name, plus the whole run under "all". */
    private Map<String, Integer> minimumPerPhase(DeploymentRequest request, Outcome expected) {
        Map<String, Integer> minimum = new LinkedHashMap<>();
        try (ReadyPods ready = new ReadyPods()) {
            ProgressListener listener = new ProgressListener() {
                @Override
                public void phaseStarted(String phase, int index, int count) {
                    ready.reset();
                }

                @Override
                public void phaseFinished(PhaseRecord phase) {
                    minimum.put(phase.name(), ready.min());
                }
            };
            ReadyPods whole = new ReadyPods();
            whole.reset();
            DeploymentRecord record = engine.deploy(request, List.of(), listener);
            minimum.put("all", whole.min());
            whole.close();
            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(expected);
        }
        return minimum;
    }

    @ParameterizedTest(name = "{0} replicas")
    @ValueSource(ints = {3, 4})
    void canaryNeverHasFewerReadyPodsThanDesired(int replicas) {
        StrategySettings canary = StrategySettings.canary(List.of(25, 50, 100));
        deploy(request("registry/shop:1.0.0", replicas, canary).build());

        Map<String, Integer> minimum = minimumPerPhase(
                request("registry/shop:1.1.0", replicas, canary, SLOW).build(), Outcome.SUCCEEDED);

        assertThat(minimum).isNotEmpty().allSatisfy((phase, min) -> assertThat(min)
                .as("ready pods during %s (%s)", phase, minimum)
                .isGreaterThanOrEqualTo(replicas));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rolling", "blue-green"})
    void rollingAndBlueGreenNeverHaveFewerReadyPodsThanDesired(String strategy) {
        StrategySettings settings =
                strategy.equals("rolling") ? StrategySettings.rolling() : StrategySettings.blueGreen(1);
        deploy(request("registry/shop:1.0.0", 4, settings).build());

        Map<String, Integer> minimum = minimumPerPhase(
                request("registry/shop:1.1.0", 4, settings, SLOW).build(), Outcome.SUCCEEDED);

        assertThat(minimum).allSatisfy((phase, min) -> assertThat(min)
                .as("ready pods during %s (%s)", phase, minimum)
                .isGreaterThanOrEqualTo(4));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"canary", "rolling"})
    void neverReadyVersionKeepsEveryDesiredPodReadyUntilItIsRolledBack(String strategy) {
        StrategySettings settings =
                strategy.equals("canary") ? StrategySettings.canary(List.of(25, 100)) : StrategySettings.rolling();
        deploy(request("registry/shop:1.0.0", 4, settings).build());

        Map<String, Integer> minimum = minimumPerPhase(
                request("registry/shop:1.1.0", 4, settings, Map.of(NEVER_READY, "true"))
                        .progressDeadline(Duration.ofSeconds(10))
                        .build(),
                Outcome.FAILED_ROLLED_BACK);

        assertThat(minimum.get("all"))
                .as("ready pods during the deployment and its rollback")
                .isGreaterThanOrEqualTo(4);
    }
}
