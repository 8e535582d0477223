package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.deployment;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.image;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.objects;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.gate.CrashLoopGate;
import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.ReadinessGate;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.ScriptedGate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class CanaryDeploymentTest {
    private static final StrategySettings CANARY = StrategySettings.canary(List.of(10, 50, 100));
    private MockCluster cluster;
    private DeploymentEngine engine;

    @BeforeEach
    void start() {
        cluster = MockCluster.start(NS);
        engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
        DeploymentRecord installed =
                engine.deploy(request("registry/shop:1.0.0", 4, CANARY).build(), List.of(), null);
        assertThat(installed.outcome()).as(installed.failureReason()).isEqualTo(Outcome.SUCCEEDED);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void planListsStepsWithReplicaSplitsAndWritesNothing() {
        cluster.traffic().clearRequests();
        DeploymentPlan plan =
                engine.plan(request("registry/shop:1.1.0", 4, CANARY).build());

        assertThat(plan.phases())
                .extracting(DeploymentPhase::name)
                .containsExactly("canary 10%", "canary 50%", "canary 100%", "promote", "scale down canary");
        assertThat(plan.weights()).containsExactly(25, 50, 100, 100, 100);
        assertThat(plan.phases().get(0).writtenObjects())
                .containsExactly(
                        "ConfigMap/shop-config",
                        "Service/shop",
                        "Deployment/shop-canary (replicas 1)",
                        "Deployment/shop (replicas 3)");
        assertThat(plan.phases().get(1).writtenObjects())
                .containsExactly("Deployment/shop-canary (replicas 2)", "Deployment/shop (replicas 2)");
        assertThat(plan.phases().get(2).writtenObjects())
                .containsExactly("Deployment/shop-canary (replicas 4)", "Deployment/shop (replicas 0)");
        assertThat(plan.previousVersion()).isEqualTo("1.0.0");
        assertThat(plan.render())
                .contains("canary 10%", "writes Deployment/shop-canary (replicas 1)", "1.0.0 -> 1.1.0");
        assertThat(plan.notes())
                .anyMatch(n -> n.contains("step 10%: 10% requested -> 25% effective (1 of 4 pods run the canary"));
        assertThat(cluster.traffic().writes()).isEmpty();
    }

    @Test
    void promotionAfterALastStepBelowHundredScalesTheCanaryToFullSizeFirst() {
        DeploymentPlan plan = engine.plan(request("registry/shop:1.1.0", 4, StrategySettings.canary(List.of(10, 50)))
                .build());

        assertThat(plan.phases().get(2).name()).isEqualTo("promote");
        assertThat(plan.phases().get(2).writtenObjects())
                .containsExactly("Deployment/shop-canary (replicas 4)", "Deployment/shop (replicas 4)");
        assertThat(plan.phases().get(2).awaitRollout()).containsExactly("shop-canary", "shop");
        assertThat(plan.render()).containsPattern("canary 10% +weight +25%");
    }

    @Test
    void pauseFollowsEveryStepButTheLast() {
        DeploymentPlan plan = engine.plan(request(
                        "registry/shop:1.1.0",
                        4,
                        StrategySettings.canary(List.of(10, 50, 100), java.time.Duration.ofSeconds(90), ""))
                .build());

        assertThat(plan.phases()).extracting(p -> p.pauseAfter().toSeconds()).containsExactly(90L, 90L, 0L, 0L, 0L);
        assertThat(plan.phases().get(2).gates()).containsExactly(GatePoint.STEP, GatePoint.CONFIRM_PROMOTION);
        assertThat(plan.render()).contains("pause 90 s");
    }

    @Test
    void stepsThroughWeightsThenPromotesAndScalesCanaryToZero() {
        EngineFixture.Recorder progress = new EngineFixture.Recorder();
        ScriptedGate gate = ScriptedGate.passing();
        DeploymentRecord record = engine.deploy(
                request("registry/shop:1.1.0", 4, CANARY).build(),
                List.of(gate, new ReadinessGate(cluster.client()), new CrashLoopGate(cluster.client(), 3)),
                progress);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        // Step 10% runs 1 canary pod of 4: the weight reported is the effective 25%, not the requested 10%.
        assertThat(progress.weights).containsExactly(25, 50, 100, 100, 100);
        assertThat(gate.seen())
                .filteredOn(c -> c.point() == GatePoint.STEP)
                .extracting(GateContext::weight)
                .containsExactly(25, 50, 100);
        assertThat(gate.seen().get(1).targets()).containsEntry("canaryDeployment", "shop-canary");
        assertThat(progress.lines).contains("shop-canary 1/1 pods ready", "shop-canary 2/2 pods ready");
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.1.0");
        assertThat(deployment(cluster, "shop").getSpec().getReplicas()).isEqualTo(4);
        assertThat(deployment(cluster, "shop-canary").getSpec().getReplicas()).isZero();
        assertThat(record.gateResults()).extracting(r -> r.gate()).contains("readiness", "crash-loop");
        assertThat(progress.checkpoints).extracting(DeploymentState::nextPhase).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void gateFailureAtFiftyPercentRestoresEveryObject() {
        Map<String, Object> before = objects(cluster);
        ScriptedGate gate = ScriptedGate.failingWhen(c -> c.weight() == 50, "error rate 7% above 1%");

        DeploymentRecord record = engine.deploy(
                request("registry/shop:1.1.0", 4, CANARY)
                        .manifests(io.jenkins.plugins.devops.core.kube.testing.TestManifests.app(
                                "shop", "x/shop:1", 4, "new"))
                        .build(),
                List.of(gate),
                null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason()).contains("error rate 7% above 1%", "weight 50%");
        assertThat(record.phases())
                .extracting(PhaseRecord::result)
                .containsExactly("passed", "failed: " + record.failureReason());
        assertThat(objects(cluster)).isEqualTo(before);
        assertThat(deployment(cluster, "shop-canary")).isNull();
        assertThat(gate.seen()).extracting(GateContext::point).contains(GatePoint.ROLLBACK);
    }

    @Test
    void crashLoopingCanaryIsCaughtByTheCrashLoopGateAndRolledBack() {
        Map<String, Object> before = objects(cluster);
        cluster.controller().crashLoop("registry/shop:crashy");

        DeploymentRecord record = engine.deploy(
                request("registry/shop:crashy", 4, CANARY).build(),
                List.of(new CrashLoopGate(cluster.client(), 3)),
                null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason()).contains("crash-looping", "5 restarts");
        assertThat(objects(cluster)).isEqualTo(before);
    }

    @Test
    void canaryPodsNeverReadyHitTheProgressDeadlineAndRollBack() {
        Map<String, Object> before = objects(cluster);
        cluster.controller().neverReady("registry/shop:stuck");

        DeploymentRecord record =
                engine.deploy(request("registry/shop:stuck", 4, CANARY).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason()).contains("shop-canary exceeded its progress deadline");
        assertThat(record.events())
                .anyMatch(e -> e.startsWith("kubernetes: Pod shop-canary-") && e.contains("Readiness probe failed"));
        assertThat(objects(cluster)).isEqualTo(before);
    }
}
