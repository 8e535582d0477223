package io.jenkins.plugins.devops.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodFailureDetectorTest {
    private static ContainerStatus waiting(String name, String reason, String message, int restarts) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withRestartCount(restarts)
                .withNewState()
                .withNewWaiting()
                .withReason(reason)
                .withMessage(message)
                .endWaiting()
                .endState()
                .build();
    }

    private static ContainerStatus running(String name, int restarts) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withRestartCount(restarts)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .build();
    }

    private static Pod pod(String name, List<ContainerStatus> init, List<ContainerStatus> containers) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewStatus()
                .withInitContainerStatuses(init)
                .withContainerStatuses(containers)
                .endStatus()
                .build();
    }

    @Test
    void everyReasonThatDoesNotClearByItselfIsAFailureNamingPodContainerAndReason() {
        PodFailureDetector detector = new PodFailureDetector(3);
        for (String reason : List.of(
                "ImagePullBackOff",
                "ErrImagePull",
                "InvalidImageName",
                "CreateContainerConfigError",
                "CreateContainerError")) {
            Pod p = pod("shop-1", List.of(), List.of(waiting("shop", reason, "secret \"db\" not found", 0)));

            assertThat(detector.failureOf(List.of(p)))
                    .contains("pod shop-1 container shop cannot start: " + reason + ": secret \"db\" not found");
        }
    }

    @Test
    void initContainersAreJudgedToo() {
        Pod p = pod(
                "shop-1",
                List.of(waiting("migrate", "CrashLoopBackOff", null, 4)),
                List.of(waiting("shop", "PodInitializing", null, 0)));

        assertThat(new PodFailureDetector(3).failureOf(List.of(p)))
                .contains("pod shop-1 container migrate is crash-looping: CrashLoopBackOff, 4 restarts (limit 3)");
    }

    @Test
    void healthyPodsAndTransientWaitsAreNoFailure() {
        Pod starting = pod("shop-1", List.of(), List.of(waiting("shop", "ContainerCreating", null, 0)));
        Pod restartedOnce = pod("shop-2", List.of(), List.of(running("shop", 2)));

        assertThat(new PodFailureDetector(3).failureOf(List.of(starting, restartedOnce)))
                .isEmpty();
        assertThat(new PodFailureDetector(2).failureOf(List.of(restartedOnce)))
                .contains("pod shop-2 container shop is crash-looping: 2 restarts (limit 2)");
    }

    @Test
    void noneLooksAtNothing() {
        Pod crashing = pod("shop-1", List.of(), List.of(waiting("shop", "CrashLoopBackOff", null, 9)));

        assertThat(PodFailureDetector.NONE.failureOf(List.of(crashing))).isEmpty();
    }

    @Test
    void limitBelowOneIsRefused() {
        assertThatThrownBy(() -> new PodFailureDetector(0)).hasMessageContaining("at least 1, got 0");
    }
}
