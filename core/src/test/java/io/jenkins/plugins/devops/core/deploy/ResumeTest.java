package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.deployment;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.image;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.objects;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.ScriptedGate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** A process that dies between (or inside) phases leaves a state from which {@code resume} finishes the job. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class ResumeTest {
    private MockCluster cluster;
    private DeploymentEngine engine;

    /** Thrown from a listener to stop the engine dead, as a killed JVM would (no rollback, no cleanup). */
    static final class ProcessDeath extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Remembers the last checkpoint and dies at a chosen moment. */
    static class DyingListener implements ProgressListener {
        final AtomicReference<String> lastState = new AtomicReference<>();
        private final int dieAtCheckpoint;
        private final int dieAtWeight;

        DyingListener(int dieAtCheckpoint, int dieAtWeight) {
            this.dieAtCheckpoint = dieAtCheckpoint;
            this.dieAtWeight = dieAtWeight;
        }

        @Override
        public void checkpoint(DeploymentState state) {
            lastState.set(state.toJson());
            if (state.nextPhase() == dieAtCheckpoint) {
                throw new ProcessDeath();
            }
        }

        @Override
        public void weightChanged(int weight) {
            if (weight == dieAtWeight) {
                throw new ProcessDeath();
            }
        }
    }

    @BeforeEach
    void start() {
        cluster = MockCluster.start(NS);
        engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private DeploymentState dieDuring(DeploymentRequest request, DyingListener listener) {
        assertThatThrownBy(() -> engine.deploy(request, List.of(), listener)).isInstanceOf(ProcessDeath.class);
        return DeploymentState.fromJson(listener.lastState.get());
    }

    @Test
    void canaryResumedAfterDeathBetweenPhasesFinishes() {
        StrategySettings canary = StrategySettings.canary(List.of(10, 50, 100));
        engine.deploy(request("registry/shop:1.0.0", 4, canary).build(), List.of(), null);
        DeploymentRequest update = request("registry/shop:1.1.0", 4, canary).build();

        DeploymentState state = dieDuring(update, new DyingListener(2, -1));
        assertThat(state.nextPhase()).isEqualTo(2);
        assertThat(deployment(cluster, "shop-canary").getSpec().getReplicas()).isEqualTo(2);

        EngineFixture.Recorder progress = new EngineFixture.Recorder();
        DeploymentRecord record = engine.resume(state, update, List.of(), progress);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.deploymentId()).isEqualTo(state.deploymentId());
        assertThat(record.phases())
                .extracting(PhaseRecord::name)
                .containsExactly("canary 100%", "promote", "scale down canary");
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.1.0");
        assertThat(deployment(cluster, "shop").getSpec().getReplicas()).isEqualTo(4);
        assertThat(deployment(cluster, "shop-canary").getSpec().getReplicas()).isZero();
        assertThat(cluster.admin().secrets().inNamespace(NS).list().getItems()).isEmpty();
    }

    @Test
    void phaseInterruptedAfterItsWritesIsAppliedAgainHarmlessly() {
        StrategySettings canary = StrategySettings.canary(List.of(25, 100));
        engine.deploy(request("registry/shop:1.0.0", 4, canary).build(), List.of(), null);
        DeploymentRequest update = request("registry/shop:1.1.0", 4, canary).build();

        DeploymentState state = dieDuring(update, new DyingListener(-1, 100));
        assertThat(state.nextPhase()).as("died inside the 100% phase").isEqualTo(1);

        DeploymentRecord record = engine.resume(DeploymentState.fromJson(state.toJson()), update, List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.1.0");
    }

    @Test
    void blueGreenResumedBeforeTheSwitchFinishesTheSwitch() {
        StrategySettings bg = StrategySettings.blueGreen(0);
        engine.deploy(request("registry/shop:1.0.0", 2, bg).build(), List.of(), null);
        DeploymentRequest update = request("registry/shop:1.1.0", 2, bg).build();

        DeploymentState state = dieDuring(update, new DyingListener(1, -1));

        DeploymentRecord record = engine.resume(state, update, List.of(), null);
        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(cluster.admin()
                        .services()
                        .inNamespace(NS)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getSelector())
                .containsEntry("devops.jenkins.io/slot", "green");
    }

    @Test
    void rollingResumedFromTheFirstCheckpointFinishes() {
        engine.deploy(
                request("registry/shop:1.0.0", 2, StrategySettings.rolling()).build(), List.of(), null);
        DeploymentRequest update =
                request("registry/shop:1.1.0", 2, StrategySettings.rolling()).build();

        DeploymentState state = dieDuring(update, new DyingListener(0, -1));

        assertThat(engine.resume(state, update, List.of(), null).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.1.0");
    }

    @Test
    void resumedDeploymentThatFailsRollsBackToTheStateBeforeTheFirstWrite() {
        StrategySettings canary = StrategySettings.canary(List.of(10, 50, 100));
        engine.deploy(request("registry/shop:1.0.0", 4, canary).build(), List.of(), null);
        Map<String, Object> before = objects(cluster);
        DeploymentRequest update = request("registry/shop:1.1.0", 4, canary).build();
        DeploymentState state = dieDuring(update, new DyingListener(2, -1));

        DeploymentRecord record = engine.resume(
                state, update, List.of(ScriptedGate.failingWhen(c -> c.weight() == 100, "latency p99 900 ms")), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason()).contains("latency p99 900 ms");
        assertThat(objects(cluster)).isEqualTo(before);
    }

    @Test
    void resumeAfterDeathDuringTheRollbackFinishesTheRollbackInsteadOfDeployingAgain() {
        StrategySettings canary = StrategySettings.canary(List.of(20, 100));
        engine.deploy(request("registry/shop:1.0.0", 4, canary).build(), List.of(), null);
        Map<String, Object> before = objects(cluster);
        DeploymentRequest update = request("registry/shop:1.1.0", 4, canary).build();
        DyingListener diesWhileRestoring = new DyingListener(-1, -1) {
            @Override
            public void message(String text) {
                if (text.startsWith("rollback: restored")) {
                    throw new ProcessDeath();
                }
            }
        };
        assertThatThrownBy(() -> engine.deploy(
                        update,
                        // step 20% of 4 replicas: 1 canary pod of 4, the effective weight the gates see is 25%
                        List.of(ScriptedGate.failingWhen(c -> c.weight() == 25, "error rate 9% above 1%")),
                        diesWhileRestoring))
                .isInstanceOf(ProcessDeath.class);
        DeploymentState state = DeploymentState.fromJson(diesWhileRestoring.lastState.get());
        assertThat(state.nextPhase()).as("died rolling back phase 1").isZero();

        DeploymentRecord record = engine.resume(state, update, List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason()).contains("error rate 9% above 1%");
        assertThat(record.phases()).as("no phase runs again").isEmpty();
        assertThat(objects(cluster)).isEqualTo(before);
        assertThat(cluster.admin().secrets().inNamespace(NS).list().getItems()).isEmpty();
    }

    @Test
    void blueGreenResumedAfterTheScaleDownDelayPassedDoesNotWaitItAllOverAgain() {
        StrategySettings bg = StrategySettings.blueGreen(30);
        engine.deploy(request("registry/shop:1.0.0", 2, bg).build(), List.of(), null);
        DeploymentRequest update = request("registry/shop:1.1.0", 2, bg).build();
        DyingListener diesWhileWaiting = new DyingListener(-1, -1) {
            @Override
            public void message(String text) {
                if (text.contains(": waiting 30 s")) {
                    throw new ProcessDeath();
                }
            }
        };
        assertThatThrownBy(() -> engine.deploy(update, List.of(), diesWhileWaiting))
                .isInstanceOf(ProcessDeath.class);
        DeploymentState state = DeploymentState.fromJson(diesWhileWaiting.lastState.get());
        assertThat(state.nextPhase())
                .as("switched, then died in the scale-down delay")
                .isEqualTo(2);

        // The process comes back 31 s after the switch: the delay has passed while it was down.
        DeploymentEngine restarted = new DeploymentEngine(
                cluster.client(),
                EngineOptions.defaults(),
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(31)));
        EngineFixture.Recorder progress = new EngineFixture.Recorder();
        DeploymentRecord record = restarted.resume(state, update, List.of(), progress);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(progress.lines).noneMatch(l -> l.contains("waiting"));
        assertThat(deployment(cluster, "shop-blue").getSpec().getReplicas()).isZero();
    }

    @Test
    void resumeAfterDeathBetweenPromotionAndSnapshotDeletionOnlyFinishesUp() {
        StrategySettings canary = StrategySettings.canary(List.of(10, 50, 100));
        engine.deploy(request("registry/shop:1.0.0", 4, canary).build(), List.of(), null);
        DeploymentRequest update = request("registry/shop:1.1.0", 4, canary).build();
        DeploymentState state = dieDuring(update, new DyingListener(5, -1));
        assertThat(state.isComplete()).isTrue();
        assertThat(cluster.admin().secrets().inNamespace(NS).list().getItems())
                .as("snapshot still there")
                .hasSize(1);

        ScriptedGate gate = ScriptedGate.passing();
        DeploymentRecord record = engine.resume(state, update, List.of(gate), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.phases()).as("nothing applied again").isEmpty();
        assertThat(gate.seen()).extracting(c -> c.point()).containsExactly(GatePoint.POST_ROLLOUT);
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.1.0");
        assertThat(deployment(cluster, "shop-canary").getSpec().getReplicas()).isZero();
        assertThat(cluster.admin().secrets().inNamespace(NS).list().getItems()).isEmpty();
    }

    @Test
    void resumeWithAnotherServicesRequestIsRefused() {
        engine.deploy(
                request("registry/shop:1.0.0", 2, StrategySettings.rolling()).build(), List.of(), null);
        DeploymentRequest update =
                request("registry/shop:1.1.0", 2, StrategySettings.rolling()).build();
        DeploymentState state = dieDuring(update, new DyingListener(0, -1));

        DeploymentRequest other = update.toBuilder().environment("staging").build();
        assertThatThrownBy(() -> engine.resume(state, other, List.of(), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("resume with the original request");
    }
}
