package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.deployment;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.objects;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.ScriptedGate;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A HorizontalPodAutoscaler that targets the Deployment owns its replica count: a deploy keeps the live count (the
 * autoscaler's decision) instead of resetting it to the manifest's, and the canary splits that count.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class AutoscalerAwareDeploymentTest {
    private static final StrategySettings CANARY = StrategySettings.canary(List.of(10, 50, 100));
    private static final String WITH_HPA = TestManifests.app("shop", "registry/shop:1.0.0", 3, "hello") + "---\n"
            + TestManifests.autoscaler("shop", "shop", 2, 20);

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

    @Test
    void rollingKeepsTheReplicasAnAutoscalerInTheClusterChose() {
        install(StrategySettings.rolling(), 3);
        cluster.seed(autoscaler("shop", 2, 20));
        scaleLive(7);

        DeploymentRequest update =
                request("registry/shop:1.1.0", 3, StrategySettings.rolling()).build();
        DeploymentPlan plan = engine.plan(update);
        DeploymentRecord record = engine.deploy(update, List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(deployment(cluster, "shop").getSpec().getReplicas()).isEqualTo(7);
        assertThat(deployment(cluster, "shop").getStatus().getReadyReplicas()).isEqualTo(7);
        assertThat(plan.phases().get(0).writtenObjects()).contains("Deployment/shop (replicas 7)");
        assertThat(plan.notes())
                .contains("HorizontalPodAutoscaler/shop scales Deployment/shop: keeping the live 7 replicas of "
                        + "Deployment/shop instead of the manifest's 3.");
        assertThat(plan.render()).contains("Note: HorizontalPodAutoscaler/shop scales Deployment/shop");
    }

    @Test
    void rollingWithoutAnAutoscalerAppliesTheManifestReplicas() {
        install(StrategySettings.rolling(), 3);
        scaleLive(7);

        DeploymentRequest update =
                request("registry/shop:1.1.0", 3, StrategySettings.rolling()).build();
        DeploymentPlan plan = engine.plan(update);
        DeploymentRecord record = engine.deploy(update, List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(deployment(cluster, "shop").getSpec().getReplicas()).isEqualTo(3);
        assertThat(plan.notes()).noneMatch(n -> n.contains("HorizontalPodAutoscaler"));
    }

    @Test
    void deployStillRunsWhenTheServiceAccountMayNotListAutoscalers() {
        install(StrategySettings.rolling(), 3);
        cluster.traffic().fail("GET", "/horizontalpodautoscalers", 403, 10);

        DeploymentRecord record = engine.deploy(
                request("registry/shop:1.1.0", 2, StrategySettings.rolling()).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(deployment(cluster, "shop").getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void firstInstallClampsTheManifestReplicasToTheAutoscalerRange() {
        DeploymentRequest first = request("registry/shop:1.0.0", 1, StrategySettings.rolling())
                .manifests(TestManifests.app("shop", "registry/shop:1.0.0", 1, "hello") + "---\n"
                        + TestManifests.autoscaler("shop", "shop", 4, 10))
                .build();
        DeploymentPlan plan = engine.plan(first);
        DeploymentRecord record = engine.deploy(first, List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(deployment(cluster, "shop").getSpec().getReplicas()).isEqualTo(4);
        assertThat(plan.notes())
                .contains("HorizontalPodAutoscaler/shop scales Deployment/shop: first install with the manifest's 1 "
                        + "replicas clamped to 4..10: 4.");
    }

    @Test
    void canarySplitsTheLiveReplicasWhenTheManifestsBringAnAutoscaler() {
        install(CANARY, 4);
        scaleLive(10);
        List<String> splits = new CopyOnWriteArrayList<>();
        ScriptedGate observer = ScriptedGate.failingWhen(
                c -> {
                    if (c.point() == GatePoint.STEP) {
                        splits.add(c.weight() + "%: " + replicas("shop-canary") + "+" + replicas("shop"));
                    }
                    return false;
                },
                "never");

        DeploymentRequest update =
                request("registry/shop:1.1.0", 4, CANARY).manifests(WITH_HPA).build();
        DeploymentPlan plan = engine.plan(update);
        DeploymentRecord record = engine.deploy(update, List.of(observer), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(splits).containsExactly("10%: 1+9", "50%: 5+5", "100%: 10+0");
        assertThat(deployment(cluster, "shop").getSpec().getReplicas()).isEqualTo(10);
        assertThat(deployment(cluster, "shop-canary").getSpec().getReplicas()).isZero();
        assertThat(plan.notes())
                .contains("HorizontalPodAutoscaler/shop scales Deployment/shop: keeping the live 10 replicas of "
                        + "Deployment/shop instead of the manifest's 3.");
    }

    @Test
    void canaryWithoutAnAutoscalerSplitsTheManifestReplicas() {
        install(CANARY, 4);
        scaleLive(10);

        DeploymentPlan plan =
                engine.plan(request("registry/shop:1.1.0", 4, CANARY).build());

        assertThat(plan.phases().get(0).writtenObjects())
                .contains("Deployment/shop-canary (replicas 1)", "Deployment/shop (replicas 3)");
        assertThat(plan.phases().get(3).writtenObjects()).containsExactly("Deployment/shop (replicas 4)");
    }

    @Test
    void resumedCanaryKeepsTheSplitPlannedFromTheAutoscaledCountBeforeTheDeath() {
        install(CANARY, 4);
        cluster.seed(autoscaler("shop", 2, 20));
        scaleLive(10);
        DeploymentRequest update = request("registry/shop:1.1.0", 4, CANARY).build();
        ResumeTest.DyingListener dying = new ResumeTest.DyingListener(2, -1);
        assertThatThrownBy(() -> engine.deploy(update, List.of(), dying)).isInstanceOf(ResumeTest.ProcessDeath.class);
        DeploymentState state = DeploymentState.fromJson(dying.lastState.get());
        assertThat(replicas("shop-canary") + "+" + replicas("shop")).isEqualTo("5+5");

        DeploymentRecord record = engine.resume(state, update, List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(replicas("shop")).isEqualTo(10);
        assertThat(replicas("shop-canary")).isZero();
    }

    @Test
    void failedDeployWithAnAutoscalerRestoresTheLiveObjectsExactly() {
        install(StrategySettings.rolling(), 3);
        cluster.seed(autoscaler("shop", 2, 20));
        scaleLive(6);
        Map<String, Object> before = objects(cluster);

        DeploymentRecord record = engine.deploy(
                request("registry/shop:1.1.0", 3, StrategySettings.rolling()).build(),
                List.of(ScriptedGate.failingWhen(c -> c.point() == GatePoint.STEP, "error rate 9%")),
                null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(objects(cluster)).isEqualTo(before);
    }

    private void install(StrategySettings strategy, int replicas) {
        DeploymentRecord installed =
                engine.deploy(request("registry/shop:1.0.0", replicas, strategy).build(), List.of(), null);
        assertThat(installed.outcome()).as(installed.failureReason()).isEqualTo(Outcome.SUCCEEDED);
    }

    /** What the autoscaler would do: scale the live Deployment. */
    private void scaleLive(int replicas) {
        cluster.admin().apps().deployments().inNamespace(NS).withName("shop").edit(d -> {
            d.getSpec().setReplicas(replicas);
            return d;
        });
    }

    private int replicas(String name) {
        return deployment(cluster, name).getSpec().getReplicas();
    }

    private static HasMetadata autoscaler(String target, int min, int max) {
        String yaml = TestManifests.deployment(target, "registry/shop:1.0.0", 1) + "---\n"
                + TestManifests.autoscaler("shop", target, min, max);
        return io.jenkins.plugins.devops.core.deploy.manifest.ManifestSet.parse(yaml, NS, "rolling").objects().stream()
                .filter(o -> o.getKind().equals("HorizontalPodAutoscaler"))
                .findFirst()
                .orElseThrow();
    }
}
