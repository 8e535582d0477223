package io.jenkins.plugins.devops.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The four strategies against a real kube-apiserver, Deployment controller and scheduler. */
@Tag("real-cluster")
class StrategiesRealClusterIT extends RealClusterFixture {

    @Test
    void rollingUpdateReplacesThePods() {
        StrategySettings rolling = StrategySettings.rolling();
        assertThat(deploy(request("registry/shop:1.0.0", 3, rolling).build()).outcome())
                .isEqualTo(Outcome.SUCCEEDED);

        DeploymentRecord record =
                deploy(request("registry/shop:1.1.0", 3, rolling).build());

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.previousVersion()).isEqualTo("1.0.0");
        assertThat(image("shop")).isEqualTo("registry/shop:1.1.0");
        assertThat(deployment("shop").getStatus().getUpdatedReplicas()).isEqualTo(3);
        assertThat(client.leases().inNamespace(ns).list().getItems())
                .as("lease released")
                .isEmpty();
        assertThat(client.secrets()
                        .inNamespace(ns)
                        .withName("devops-shop-test-snapshot")
                        .get())
                .as("snapshot deleted")
                .isNull();
    }

    @Test
    void recreateReplacesThePods() {
        StrategySettings recreate = StrategySettings.recreate();
        deploy(request("registry/shop:1.0.0", 2, recreate).build());

        DeploymentRecord record =
                deploy(request("registry/shop:1.1.0", 2, recreate).build());

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(deployment("shop").getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(deployment("shop").getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(image("shop")).isEqualTo("registry/shop:1.1.0");
    }

    @Test
    void blueGreenSwitchesTheServiceToTheNewSlot() {
        StrategySettings bg = StrategySettings.blueGreen(0);
        deploy(request("registry/shop:1.0.0", 2, bg).build());
        assertThat(service().getSpec().getSelector()).containsEntry("devops.jenkins.io/slot", "blue");

        DeploymentRecord record = deploy(request("registry/shop:1.1.0", 2, bg).build());

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(service().getSpec().getSelector()).containsEntry("devops.jenkins.io/slot", "green");
        assertThat(image("shop-green")).isEqualTo("registry/shop:1.1.0");
        assertThat(deployment("shop-green").getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(deployment("shop-blue").getSpec().getReplicas())
                .as("scale-down delay 0 keeps the old slot")
                .isEqualTo(2);
        // The real endpoints controller now sends traffic only to green pods.
        var endpoints = client.endpoints().inNamespace(ns).withName("shop").get();
        long addresses = endpoints.getSubsets().stream()
                .mapToLong(s -> s.getAddresses() == null ? 0 : s.getAddresses().size())
                .sum();
        assertThat(addresses).isEqualTo(2);
    }

    @Test
    void canaryPromotesThroughItsSteps() {
        StrategySettings canary = StrategySettings.canary(List.of(25, 50, 100));
        deploy(request("registry/shop:1.0.0", 4, canary).build());

        EngineFixture.Recorder progress = new EngineFixture.Recorder();
        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, canary).build(), List.of(), progress);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.phases())
                .extracting(PhaseRecord::name)
                .containsExactly("canary 25%", "canary 50%", "canary 100%", "promote", "scale down canary");
        assertThat(image("shop")).isEqualTo("registry/shop:1.1.0");
        assertThat(deployment("shop").getStatus().getReadyReplicas()).isEqualTo(4);
        assertThat(deployment("shop-canary").getSpec().getReplicas()).isZero();
        assertThat(progress.checkpoints)
                .as("before the first phase and after each")
                .hasSize(6);
    }

    private io.fabric8.kubernetes.api.model.Service service() {
        return client.services().inNamespace(ns).withName("shop").get();
    }
}
