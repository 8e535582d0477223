package io.jenkins.plugins.devops.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

class RolloutStatusTest {
    private static Deployment deployment(int desired, int replicas, int updated, int ready) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("shop")
                .withGeneration(2L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(desired)
                .endSpec()
                .withNewStatus()
                .withObservedGeneration(2L)
                .withReplicas(replicas)
                .withUpdatedReplicas(updated)
                .withReadyReplicas(ready)
                .withAvailableReplicas(ready)
                .endStatus()
                .build();
    }

    @Test
    void oldPodsNeverCountAsReadyPodsOfTheNewVersion() {
        // 4 old pods ready, 1 new pod not ready yet: "5/4 pods ready" before, 0 of the new version now.
        RolloutStatus status = RolloutStatus.of(deployment(4, 5, 1, 4));

        assertThat(status.ready()).isZero();
        assertThat(status.desired()).isEqualTo(4);
        assertThat(status.complete()).isFalse();
    }

    @Test
    void newPodsAreCountedOnceTheOldOnesAreAccountedFor() {
        // 3 old pods (all ready) and 2 new ones, 4 ready in all: 1 of them is new
        assertThat(RolloutStatus.of(deployment(4, 5, 2, 4)).ready()).isEqualTo(1);
        assertThat(RolloutStatus.of(deployment(4, 4, 4, 4)).ready()).isEqualTo(4);
        assertThat(RolloutStatus.of(deployment(4, 4, 4, 4)).complete()).isTrue();
    }
}
