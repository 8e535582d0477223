package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.deployment;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.image;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.objects;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
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
class BlueGreenDeploymentTest {
    private static final StrategySettings KEEP_OLD_SLOT = StrategySettings.blueGreen(0);
    private MockCluster cluster;
    private DeploymentEngine engine;

    @BeforeEach
    void start() {
        cluster = MockCluster.start(NS);
        engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
        DeploymentRecord blue =
                engine.deploy(request("registry/shop:1.0.0", 2, KEEP_OLD_SLOT).build(), List.of(), null);
        assertThat(blue.outcome()).as(blue.failureReason()).isEqualTo(Outcome.SUCCEEDED);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private Map<String, String> selector() {
        Service s = cluster.admin().services().inNamespace(NS).withName("shop").get();
        return s.getSpec().getSelector();
    }

    @Test
    void deploysIdleSlotThenSwitchesTheServiceSelector() {
        assertThat(selector()).containsEntry("devops.jenkins.io/slot", "blue");
        ScriptedGate gate = ScriptedGate.passing();

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 2, KEEP_OLD_SLOT).build(), List.of(gate), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.phases()).extracting(PhaseRecord::name).containsExactly("deploy green", "switch to green");
        assertThat(selector()).containsEntry("devops.jenkins.io/slot", "green").containsEntry("app", "shop");
        assertThat(image(cluster, "shop-green")).isEqualTo("registry/shop:1.1.0");
        assertThat(deployment(cluster, "shop-blue").getSpec().getReplicas())
                .as("0 keeps the old slot")
                .isEqualTo(2);
        assertThat(gate.seen())
                .filteredOn(c -> c.point() == GatePoint.STEP)
                .singleElement()
                .satisfies(c -> assertThat(c.targets()).containsEntry("previewDeployment", "shop-green"));
    }

    @Test
    void scaleDownDelayScalesTheOldSlotToZeroAfterTheSwitch() {
        DeploymentRecord record = engine.deploy(
                request("registry/shop:1.1.0", 2, StrategySettings.blueGreen(1)).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.phases())
                .extracting(PhaseRecord::name)
                .containsExactly("deploy green", "switch to green", "scale down shop-blue");
        assertThat(deployment(cluster, "shop-blue").getSpec().getReplicas()).isZero();
        assertThat(record.phases().get(2).startedAt())
                .isBefore(record.phases().get(2).finishedAt().minusMillis(900));
    }

    @Test
    void failedGateBeforeTheSwitchLeavesTrafficAndObjectsAsBefore() {
        Map<String, Object> before = objects(cluster);
        ScriptedGate gate = ScriptedGate.failingWhen(c -> c.point() == GatePoint.CONFIRM_PROMOTION, "smoke test 503");

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 2, KEEP_OLD_SLOT).build(), List.of(gate), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason()).contains("smoke test 503");
        assertThat(objects(cluster)).isEqualTo(before);
        assertThat(selector()).containsEntry("devops.jenkins.io/slot", "blue");
    }

    @Test
    void failureAfterTheSwitchSwitchesBack() {
        engine.deploy(request("registry/shop:1.1.0", 2, KEEP_OLD_SLOT).build(), List.of(), null);
        Map<String, Object> before = objects(cluster);
        assertThat(selector()).containsEntry("devops.jenkins.io/slot", "green");
        // The lease renewal after "deploy blue" passes; the one after "switch to blue" meets a 500 storm that
        // outlasts the client's retries, so the deployment fails with traffic already on blue.
        cluster.traffic().fail("PUT", "/leases/devops-shop-prod", 500, 100, 1);

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.2.0", 2, KEEP_OLD_SLOT).build(), List.of(), null);

        cluster.traffic().clearFaults();
        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason()).contains("500");
        assertThat(record.phases())
                .extracting(PhaseRecord::name, PhaseRecord::result)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("deploy blue", "passed"),
                        org.assertj.core.groups.Tuple.tuple("switch to blue", "passed"));
        assertThat(record.events()).contains("rollback: restored Service/shop");
        assertThat(objects(cluster)).isEqualTo(before);
        assertThat(selector()).containsEntry("devops.jenkins.io/slot", "green");
    }
}
