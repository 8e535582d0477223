package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.deployment;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.objects;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.ReadyPodSampler;
import io.jenkins.plugins.devops.core.kube.testing.ScriptedGate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The capacity guarantee: during every canary step, promotion, abort, rollback and blue-green switch, and during a
 * rolling update with the default maxUnavailable 0, the Service never has fewer ready pods than the desired count.
 * Every new pod takes a while to become ready, so an engine that shrank one side before the other was ready would
 * show a dip; the {@link ReadyPodSampler} counts the ready pods behind the Service on every pod watch event.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class CapacityTest {
    private static final Duration SLOW_READY = Duration.ofMillis(150);
    private static final StrategySettings CANARY = StrategySettings.canary(List.of(10, 50, 100));

    private MockCluster cluster;
    private DeploymentEngine engine;

    @BeforeEach
    void start() {
        cluster = MockCluster.start(NS);
        engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void install(int replicas, StrategySettings strategy) {
        DeploymentRecord installed =
                engine.deploy(request("registry/shop:1.0.0", replicas, strategy).build(), List.of(), null);
        assertThat(installed.outcome()).as(installed.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        cluster.controller().readyDelay(SLOW_READY);
    }

    private ReadyPodSampler sampler() {
        return ReadyPodSampler.start(cluster.admin(), NS, "shop");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 10})
    void canaryStepsAndPromotionNeverHaveFewerReadyPodsThanDesired(int replicas) {
        install(replicas, CANARY);
        try (ReadyPodSampler sampler = sampler()) {
            DeploymentRecord record = engine.deploy(
                    request("registry/shop:1.1.0", replicas, CANARY).build(), List.of(ScriptedGate.passing()), sampler);

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(sampler.minimumByPhase())
                    .containsKeys("canary 10%", "canary 50%", "canary 100%", "promote", "scale down canary")
                    .allSatisfy((phase, ready) -> assertThat(ready).as(phase).isGreaterThanOrEqualTo(replicas));
            assertThat(sampler.minimum()).isGreaterThanOrEqualTo(replicas);
        }
    }

    @Test
    void reportedWeightIsTheShareOfReadyPodsTheCanaryHas() {
        install(4, CANARY);
        try (ReadyPodSampler sampler = sampler()) {
            EngineFixture.Recorder progress = new EngineFixture.Recorder();
            DeploymentRecord record = engine.deploy(
                    request("registry/shop:1.1.0", 4, CANARY).build(), List.of(), new Both(sampler, progress));

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
            // 10% of 4 replicas is 1 canary pod of 4: 25% of the traffic, and that is what is reported.
            assertThat(sampler.weights())
                    .extracting(ReadyPodSampler.WeightSample::weight)
                    .startsWith(25, 50, 100);
            assertThat(progress.lines)
                    .as("old pods are not counted as ready pods of the new version")
                    .noneMatch(l -> l.matches(".* ([5-9]|\\d\\d)/4 pods ready"));
        }
    }

    @Test
    void lastStepBelowHundredPromotesBehindAFullSizeCanary() {
        StrategySettings halfway = StrategySettings.canary(List.of(50));
        install(4, halfway);
        try (ReadyPodSampler sampler = sampler()) {
            DeploymentRecord record =
                    engine.deploy(request("registry/shop:1.1.0", 4, halfway).build(), List.of(), sampler);

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(sampler.minimumByPhase()).containsKey("promote");
            assertThat(sampler.minimum()).isGreaterThanOrEqualTo(4);
            assertThat(EngineFixture.image(cluster, "shop")).isEqualTo("registry/shop:1.1.0");
            assertThat(deployment(cluster, "shop-canary").getSpec().getReplicas())
                    .isZero();
        }
    }

    @Test
    void gateFailureRollsBackWithTheStableReadyBeforeTheCanaryGoes() {
        install(10, CANARY);
        Map<String, Object> before = objects(cluster);
        try (ReadyPodSampler sampler = sampler()) {
            DeploymentRecord record = engine.deploy(
                    request("registry/shop:1.1.0", 10, CANARY).build(),
                    List.of(ScriptedGate.failingWhen(c -> c.weight() == 50, "error rate 7% above 1%")),
                    sampler);

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            assertThat(sampler.minimumByPhase()).containsKey("rollback");
            assertThat(sampler.minimum()).isGreaterThanOrEqualTo(10);
            assertThat(objects(cluster)).isEqualTo(before);
        }
    }

    @Test
    void abortScalesTheStableBackUpAndWaitsBeforeRemovingTheCanary() throws Exception {
        install(4, CANARY);
        ScriptedGate slowAnalysis =
                ScriptedGate.passing().blockingWhen(c -> c.point() == GatePoint.STEP && c.weight() == 50);
        try (ReadyPodSampler sampler = sampler()) {
            AtomicReference<DeploymentRecord> result = new AtomicReference<>();
            Thread worker = new Thread(() -> result.set(
                    engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(slowAnalysis), sampler)));
            worker.start();
            assertThat(slowAnalysis.blocked().await(60, TimeUnit.SECONDS)).isTrue();
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(60));

            assertThat(result.get().outcome()).isEqualTo(Outcome.ABORTED);
            assertThat(sampler.minimumByPhase()).containsKey("rollback");
            assertThat(sampler.minimum()).isGreaterThanOrEqualTo(4);
            assertThat(deployment(cluster, "shop-canary")).isNull();
        }
    }

    @Test
    void neverReadyCanaryDoesNotCostTheStableAPod() {
        install(4, CANARY);
        cluster.controller().neverReady("registry/shop:stuck");
        try (ReadyPodSampler sampler = sampler()) {
            DeploymentRecord record =
                    engine.deploy(request("registry/shop:stuck", 4, CANARY).build(), List.of(), sampler);

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            assertThat(deployment(cluster, "shop").getSpec().getReplicas()).isEqualTo(4);
            assertThat(sampler.minimum())
                    .as("the stable kept all 4 pods while the canary never became ready")
                    .isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void blueGreenSwitchesOnlyToAFullyReadySlot() {
        StrategySettings blueGreen = StrategySettings.blueGreen(1);
        install(4, blueGreen);
        try (ReadyPodSampler sampler = sampler()) {
            DeploymentRecord record =
                    engine.deploy(request("registry/shop:1.1.0", 4, blueGreen).build(), List.of(), sampler);

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(sampler.minimumByPhase()).containsKeys("switch to green", "scale down shop-blue");
            assertThat(sampler.minimum()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void rollingUpdateByDefaultTakesNoPodAwayBeforeItsReplacementIsReady() {
        install(4, StrategySettings.rolling());
        DeploymentPlan plan = engine.plan(
                request("registry/shop:1.1.0", 4, StrategySettings.rolling()).build());
        assertThat(plan.notes()).anyMatch(n -> n.contains("maxUnavailable 0: no pod is taken away"));
        try (ReadyPodSampler sampler = sampler()) {
            DeploymentRecord record = engine.deploy(
                    request("registry/shop:1.1.0", 4, StrategySettings.rolling())
                            .build(),
                    List.of(),
                    sampler);

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(sampler.minimum()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void rollingUpdateWithMaxUnavailableDropsAsFarAsThePlanSays() {
        StrategySettings quarter = StrategySettings.rolling("25%", "25%");
        install(4, quarter);
        DeploymentPlan plan =
                engine.plan(request("registry/shop:1.1.0", 4, quarter).build());
        assertThat(plan.notes()).anyMatch(n -> n.contains("ready pods may drop to 3 of 4"));
        try (ReadyPodSampler sampler = sampler()) {
            DeploymentRecord record =
                    engine.deploy(request("registry/shop:1.1.0", 4, quarter).build(), List.of(), sampler);

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(sampler.minimum()).isEqualTo(3);
        }
    }

    @Test
    void recreateHasNoReadyPodInBetweenAndThePlanSaysSo() {
        install(3, StrategySettings.recreate());
        DeploymentPlan plan = engine.plan(
                request("registry/shop:1.1.0", 3, StrategySettings.recreate()).build());
        assertThat(plan.notes()).anyMatch(n -> n.contains("no pod is ready in between"));
        try (ReadyPodSampler sampler = sampler()) {
            DeploymentRecord record = engine.deploy(
                    request("registry/shop:1.1.0", 3, StrategySettings.recreate())
                            .build(),
                    List.of(),
                    sampler);

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(sampler.minimum()).isZero();
        }
    }

    @Test
    void manualRollbackBringsTheOldTemplateBackSurgeOnlyAndKeepsTheDeploymentsOwnStrategy() {
        StrategySettings quarter = StrategySettings.rolling("25%", "25%");
        install(4, quarter);
        DeploymentRecord update =
                engine.deploy(request("registry/shop:1.1.0", 4, quarter).build(), List.of(), null);
        assertThat(update.outcome()).as(update.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        try (ReadyPodSampler sampler = sampler()) {
            DeploymentRecord rollback =
                    engine.rollback(new RollbackRequest("shop", "prod", NS, null, "alice"), sampler);

            assertThat(rollback.outcome()).as(rollback.failureReason()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(EngineFixture.image(cluster, "shop")).isEqualTo("registry/shop:1.0.0");
            assertThat(sampler.minimum()).isGreaterThanOrEqualTo(4);
            assertThat(deployment(cluster, "shop")
                            .getSpec()
                            .getStrategy()
                            .getRollingUpdate()
                            .getMaxUnavailable()
                            .getStrVal())
                    .as("the Deployment's own strategy is back after the surge-only restore")
                    .isEqualTo("25%");
        }
    }

    /** Hands every event to two listeners. */
    private record Both(ProgressListener a, ProgressListener b) implements ProgressListener {
        @Override
        public void phaseStarted(String phase, int index, int phaseCount) {
            a.phaseStarted(phase, index, phaseCount);
            b.phaseStarted(phase, index, phaseCount);
        }

        @Override
        public void weightChanged(int weight) {
            a.weightChanged(weight);
            b.weightChanged(weight);
        }

        @Override
        public void podsReady(String deployment, int ready, int desired) {
            a.podsReady(deployment, ready, desired);
            b.podsReady(deployment, ready, desired);
        }

        @Override
        public void message(String text) {
            a.message(text);
            b.message(text);
        }
    }
}
