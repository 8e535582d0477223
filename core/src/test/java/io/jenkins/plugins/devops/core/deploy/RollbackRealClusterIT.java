package io.jenkins.plugins.devops.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.kube.LeaseHeldException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Failures, aborts and manual rollbacks against a real control plane: the cluster ends up as it was. */
@Tag("real-cluster")
class RollbackRealClusterIT extends RealClusterFixture {
    private static final StrategySettings CANARY = StrategySettings.canary(List.of(25, 100));

    @Test
    void neverReadyCanaryIsRolledBackAndEverythingIsAsBefore() {
        deploy(request("registry/shop:1.0.0", 4, CANARY).build());
        Map<String, Object> before = objects();

        DeploymentRecord record = deploy(request("registry/shop:1.1.0", 4, CANARY, Map.of(NEVER_READY, "true"))
                .progressDeadline(Duration.ofSeconds(10))
                .build());

        assertThat(record.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason()).contains("shop-canary");
        assertThat(objects()).isEqualTo(before);
        assertThat(client.leases().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.secrets()
                        .inNamespace(ns)
                        .withName("devops-shop-test-snapshot")
                        .get())
                .isNull();
    }

    @Test
    void crashLoopingRollingUpdateIsRolledBack() {
        StrategySettings rolling = StrategySettings.rolling();
        deploy(request("registry/shop:1.0.0", 2, rolling).build());
        Map<String, Object> before = objects();

        DeploymentRecord record = deploy(request("registry/shop:1.1.0", 2, rolling, Map.of(CRASHLOOP, "true"))
                .progressDeadline(Duration.ofSeconds(20))
                .build());

        assertThat(record.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(objects()).isEqualTo(before);
        assertThat(image("shop")).isEqualTo("registry/shop:1.0.0");
        assertThat(deployment("shop").getStatus().getReadyReplicas()).isEqualTo(2);
    }

    @Test
    void manualRollbackReturnsToThePreviousVersion() {
        StrategySettings rolling = StrategySettings.rolling();
        deploy(request("registry/shop:1.0.0", 2, rolling).build());
        deploy(request("registry/shop:1.1.0", 2, rolling).build());

        DeploymentRecord record =
                engine.rollback(new RollbackRequest("shop", "test", ns, null, "real-cluster-suite"), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(image("shop")).isEqualTo("registry/shop:1.0.0");
        assertThat(deployment("shop").getStatus().getReadyReplicas()).isEqualTo(2);
    }

    @Test
    void secondDeploymentIsRefusedByTheLeaseAndAnAbortRestoresEverything() throws Exception {
        StrategySettings canary = StrategySettings.canary(List.of(25, 100), Duration.ofSeconds(60), null);
        deploy(request("registry/shop:1.0.0", 4, canary).build());
        Map<String, Object> before = objects();
        CountDownLatch paused = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void message(String text) {
                if (text.contains("pausing")) {
                    paused.countDown();
                }
            }
        };
        CompletableFuture<DeploymentRecord> first = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            return engine.deploy(request("registry/shop:1.1.0", 4, canary).build(), List.of(), listener);
        });
        assertThat(paused.await(90, TimeUnit.SECONDS))
                .as("first deployment reached its pause")
                .isTrue();
        assertThat(deployment("shop-canary").getSpec().getReplicas()).isEqualTo(1);

        assertThatThrownBy(() -> deploy(request("registry/shop:1.2.0", 4, canary)
                        .triggeredBy("bob")
                        .build()))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("held by 'shop-test-");

        worker.get().interrupt();
        DeploymentRecord aborted = first.get(120, TimeUnit.SECONDS);
        assertThat(aborted.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(objects()).isEqualTo(before);
        assertThat(client.leases().inNamespace(ns).list().getItems()).isEmpty();
    }
}
