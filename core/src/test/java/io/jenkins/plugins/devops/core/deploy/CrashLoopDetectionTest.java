package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.objects;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Pods of the new version that crash or cannot pull their image fail the phase while the engine waits for the
 * rollout, with the pod, container and reason in the record, long before the progress deadline. The fake controller
 * would report ProgressDeadlineExceeded only after a minute here, so a failure that names the pod's reason (and not
 * the deadline) was found by watching the pods.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class CrashLoopDetectionTest {
    private static final StrategySettings CANARY = StrategySettings.canary(List.of(25, 100));

    private MockCluster cluster;
    private DeploymentEngine engine;

    @BeforeEach
    void start() {
        cluster = MockCluster.start(NS);
        cluster.controller().deadlineAfter(Duration.ofSeconds(60));
        engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void install(StrategySettings strategy) {
        DeploymentRecord installed =
                engine.deploy(request("registry/shop:1.0.0", 4, strategy).build(), List.of(), null);
        assertThat(installed.outcome()).as(installed.failureReason()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void canaryInCrashLoopBackOffFailsTheStepAndRollsBackSayingWhy() {
        install(CANARY);
        Map<String, Object> before = objects(cluster);
        cluster.controller().crashLoopBackOff("registry/shop:crashy");

        DeploymentRecord record = engine.deploy(
                request("registry/shop:crashy", 4, CANARY)
                        .progressDeadline(Duration.ofSeconds(300))
                        .build(),
                List.of(),
                null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason())
                .startsWith("Deployment shop-canary: pod shop-canary-")
                .contains("container shop is crash-looping: CrashLoopBackOff, 2 restarts (limit 3)")
                .contains("back-off 20s restarting failed container=shop")
                .doesNotContain("progress deadline");
        assertThat(record.phases()).first().satisfies(p -> assertThat(p.result())
                .isEqualTo("failed: " + record.failureReason()));
        assertThat(record.events()).anyMatch(e -> e.startsWith("rolling back: Deployment shop-canary: pod "));
        assertThat(record.events()).contains("rollback: all traffic back on version 1.0.0");
        assertThat(objects(cluster)).isEqualTo(before);
    }

    @Test
    void imageThatCannotBePulledFailsARollingUpdateAtOnce() {
        install(StrategySettings.rolling());
        Map<String, Object> before = objects(cluster);
        cluster.controller().imagePullFails("registry/shop:typo");

        DeploymentRecord record = engine.deploy(
                request("registry/shop:typo", 4, StrategySettings.rolling())
                        .progressDeadline(Duration.ofSeconds(300))
                        .build(),
                List.of(),
                null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason())
                .startsWith("Deployment shop: pod shop-")
                .contains("container shop cannot start: ImagePullBackOff: Back-off pulling image"
                        + " \"registry/shop:typo\"")
                .doesNotContain("progress deadline");
        assertThat(objects(cluster)).isEqualTo(before);
    }

    @Test
    void restartsAtTheLimitFailEvenWhenThePodLooksReadyBetweenCrashes() {
        install(CANARY);
        cluster.controller().crashLoop("registry/shop:flaky");

        DeploymentRecord record =
                engine.deploy(request("registry/shop:flaky", 4, CANARY).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason())
                .as("no gate is configured: the engine's own wait found it")
                .contains("container shop is crash-looping: 5 restarts (limit 3)");
    }

    @Test
    void restartLimitComesFromTheRequest() {
        install(CANARY);
        cluster.controller().crashLoop("registry/shop:flaky");

        DeploymentRecord record = engine.deploy(
                request("registry/shop:flaky", 4, CANARY).maxRestarts(6).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void withoutTheRightToListPodsTheDeploymentStillRunsOnTheDeploymentStatus() {
        install(StrategySettings.rolling());
        cluster.traffic().fail("GET", "/api/v1/namespaces/shop/pods", 403, 1000);

        DeploymentRecord record = engine.deploy(
                request("registry/shop:1.1.0", 4, StrategySettings.rolling()).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.events())
                .anyMatch(e -> e.startsWith("cannot watch the pods of namespace shop (403): crash loops"));
    }

    @Test
    void crashingOldPodsDoNotFailTheDeploymentThatReplacesThem() {
        cluster.controller().crashLoop("registry/shop:1.0.0");
        DeploymentRecord installed = engine.deploy(
                request("registry/shop:1.0.0", 4, StrategySettings.rolling())
                        .maxRestarts(10)
                        .build(),
                List.of(),
                null);
        assertThat(installed.outcome()).as(installed.failureReason()).isEqualTo(Outcome.SUCCEEDED);

        DeploymentRecord fix = engine.deploy(
                request("registry/shop:1.0.1", 4, StrategySettings.rolling()).build(), List.of(), null);

        assertThat(fix.outcome()).as(fix.failureReason()).isEqualTo(Outcome.SUCCEEDED);
    }
}
