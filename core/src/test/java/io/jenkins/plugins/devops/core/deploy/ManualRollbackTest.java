package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.deployment;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.image;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class ManualRollbackTest {
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

    private void deploy(String version, StrategySettings strategy) {
        DeploymentRecord r =
                engine.deploy(request("registry/shop:" + version, 2, strategy).build(), List.of(), null);
        assertThat(r.outcome()).as(r.failureReason()).isEqualTo(Outcome.SUCCEEDED);
    }

    private static RollbackRequest rollbackTo(String revision) {
        return new RollbackRequest("shop", "prod", NS, revision, "alice");
    }

    @Test
    void rollingRollbackRestoresThePreviousRevisionThenANamedVersion() {
        deploy("1.0.0", StrategySettings.rolling());
        deploy("1.1.0", StrategySettings.rolling());
        deploy("1.2.0", StrategySettings.rolling());

        DeploymentRecord back = engine.rollback(rollbackTo(null), null);

        assertThat(back.outcome()).as(back.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(back.kind()).isEqualTo(DeploymentKind.ROLLBACK);
        assertThat(back.version()).isEqualTo("1.1.0");
        assertThat(back.previousVersion()).isEqualTo("1.2.0");
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.1.0");

        DeploymentRecord named = engine.rollback(rollbackTo("1.0.0"), null);
        assertThat(named.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.0.0");
    }

    @Test
    void recreateRollbackByRevisionNumber() {
        deploy("1.0.0", StrategySettings.recreate());
        deploy("1.1.0", StrategySettings.recreate());
        assertThat(deployment(cluster, "shop").getSpec().getStrategy().getType())
                .isEqualTo("Recreate");

        DeploymentRecord back = engine.rollback(rollbackTo("1"), null);

        assertThat(back.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.0.0");
    }

    @Test
    void canaryRollbackRestoresTheStableDeployment() {
        StrategySettings canary = StrategySettings.canary(List.of(50, 100));
        deploy("1.0.0", canary);
        deploy("1.1.0", canary);

        DeploymentRecord back = engine.rollback(rollbackTo(""), null);

        assertThat(back.outcome()).as(back.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(back.strategy()).isEqualTo("canary");
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.0.0");
        assertThat(deployment(cluster, "shop-canary").getSpec().getReplicas()).isZero();
    }

    @Test
    void blueGreenRollbackScalesTheOldSlotUpAndSwitchesBack() {
        deploy("1.0.0", StrategySettings.blueGreen(1));
        deploy("1.1.0", StrategySettings.blueGreen(1));
        assertThat(deployment(cluster, "shop-blue").getSpec().getReplicas()).isZero();

        DeploymentRecord back = engine.rollback(rollbackTo(null), null);

        assertThat(back.outcome()).as(back.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(back.version()).isEqualTo("1.0.0");
        assertThat(deployment(cluster, "shop-blue").getSpec().getReplicas()).isEqualTo(2);
        assertThat(cluster.admin()
                        .services()
                        .inNamespace(NS)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getSelector())
                .containsEntry("devops.jenkins.io/slot", "blue");
    }

    @Test
    void rollbackWithoutHistoryIsRefusedWithAReason() {
        deploy("1.0.0", StrategySettings.rolling());

        assertThatThrownBy(() -> engine.rollback(rollbackTo(null), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("has no revision before 1");
        assertThatThrownBy(() -> engine.rollback(new RollbackRequest("cart", "prod", NS, null, "alice"), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("no Deployment of service cart");
    }
}
