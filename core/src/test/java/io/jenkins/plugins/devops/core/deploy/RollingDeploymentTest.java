package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.image;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.objects;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.gate.GatePoint;
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
class RollingDeploymentTest {
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
    void firstInstallThenUpdateRollsOutTheNewImage() {
        DeploymentRecord first = engine.deploy(
                request("registry/shop:1.0.0", 3, StrategySettings.rolling()).build(), List.of(), null);
        assertThat(first.outcome()).as(first.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(first.previousVersion()).isEmpty();

        EngineFixture.Recorder progress = new EngineFixture.Recorder();
        ScriptedGate gate = ScriptedGate.passing();
        DeploymentRecord second = engine.deploy(
                request("registry/shop:1.1.0", 3, StrategySettings.rolling()).build(), List.of(gate), progress);

        assertThat(second.outcome()).as(second.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(second.version()).isEqualTo("1.1.0");
        assertThat(second.previousVersion()).isEqualTo("1.0.0");
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.1.0");
        var d = EngineFixture.deployment(cluster, "shop");
        assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getStrVal())
                .isEqualTo("25%");
        assertThat(d.getStatus().getReadyReplicas()).isEqualTo(3);
        assertThat(second.phases()).extracting(PhaseRecord::name).containsExactly("rolling update");
        assertThat(gate.seen())
                .extracting(c -> c.point())
                .containsExactly(
                        GatePoint.PRE_ROLLOUT, GatePoint.STEP, GatePoint.CONFIRM_PROMOTION, GatePoint.POST_ROLLOUT);
        assertThat(progress.lines).contains("shop 3/3 pods ready");
        assertThat(progress.checkpoints).last().satisfies(s -> assertThat(s.isComplete())
                .isTrue());
        assertThat(cluster.admin().secrets().inNamespace(NS).list().getItems())
                .as("snapshot removed")
                .isEmpty();
        assertThat(cluster.admin().leases().inNamespace(NS).list().getItems())
                .as("lease released")
                .isEmpty();
    }

    @Test
    void progressDeadlineExceededRollsBackToTheExactPreviousObjects() {
        engine.deploy(
                request("registry/shop:1.0.0", 2, StrategySettings.rolling()).build(), List.of(), null);
        Map<String, Object> before = objects(cluster);
        cluster.controller().neverReady("registry/shop:broken");

        DeploymentRecord record = engine.deploy(
                request("registry/shop:broken", 2, StrategySettings.rolling())
                        .manifests(io.jenkins.plugins.devops.core.kube.testing.TestManifests.app(
                                "shop", "registry/shop:1.0.0", 2, "changed config"))
                        .build(),
                List.of(),
                null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason()).contains("exceeded its progress deadline");
        assertThat(objects(cluster)).isEqualTo(before);
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.0.0");
    }

    @Test
    void recreateReplacesAllPodsAndRollsBackOnFailure() {
        DeploymentRecord first = engine.deploy(
                request("registry/shop:1.0.0", 2, StrategySettings.recreate()).build(), List.of(), null);
        assertThat(first.outcome()).as(first.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(EngineFixture.deployment(cluster, "shop")
                        .getSpec()
                        .getStrategy()
                        .getType())
                .isEqualTo("Recreate");
        Map<String, Object> before = objects(cluster);

        DeploymentRecord failed = engine.deploy(
                request("registry/shop:1.1.0", 2, StrategySettings.recreate()).build(),
                List.of(ScriptedGate.failingWhen(c -> c.point() == GatePoint.CONFIRM_PROMOTION, "manual check: no")),
                null);

        assertThat(failed.outcome()).as(failed.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(failed.failureReason()).contains("manual check: no");
        assertThat(objects(cluster)).isEqualTo(before);
    }

    @Test
    void dryRunReturnsThePlanAndWritesNothing() {
        cluster.traffic().clearRequests();
        EngineFixture.Recorder progress = new EngineFixture.Recorder();

        DeploymentRecord record = engine.deploy(
                request("registry/shop:1.0.0", 2, StrategySettings.rolling())
                        .dryRun(true)
                        .build(),
                List.of(),
                progress);

        assertThat(record.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.events()).singleElement().asString().contains("dry run: nothing written", "rolling update");
        assertThat(cluster.traffic().writes()).isEmpty();
    }
}
