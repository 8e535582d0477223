package io.jenkins.plugins.devops.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.jenkins.plugins.devops.core.kube.LeaseHeldException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A deployment whose process dies mid-canary (as with {@code kill -9}: no rollback, the lease left behind) is
 * finished by {@code resume} or undone by {@code abort}, from the snapshot Secret alone.
 */
@Tag("real-cluster")
class RecoveryRealClusterIT extends RealClusterFixture {
    private static final StrategySettings CANARY = StrategySettings.canary(List.of(25, 50, 100));

    /** Thrown from a listener to stop the engine dead, as a killed JVM would (no rollback). */
    static final class ProcessDeath extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Deploys 1.1.0 over 1.0.0 and "kills" it after its first canary step; returns the dead deployment's id. */
    private String dieAfterTheFirstStep() {
        deploy(request("registry/shop:1.0.0", 4, CANARY).build());
        return dieDuringTheUpdate();
    }

    private String dieDuringTheUpdate() {
        ProgressListener dying = new ProgressListener() {
            @Override
            public void checkpoint(DeploymentState state) {
                if (state.nextPhase() == 1) {
                    throw new ProcessDeath();
                }
            }
        };
        assertThatThrownBy(() ->
                        engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(), dying))
                .isInstanceOf(ProcessDeath.class);
        String id = engine.pending(ns, "shop", "test").orElseThrow().deploymentId();
        // A killed process never releases its lease: put back the one it held, renewed just now.
        leaseHeldBy(id + " (real-cluster-suite)");
        return id;
    }

    private void leaseHeldBy(String holder) {
        client.leases().inNamespace(ns).withName("devops-shop-test").delete();
        ZonedDateTime now = ZonedDateTime.now();
        client.leases()
                .inNamespace(ns)
                .resource(new LeaseBuilder()
                        .withNewMetadata()
                        .withName("devops-shop-test")
                        .endMetadata()
                        .withNewSpec()
                        .withHolderIdentity(holder)
                        .withLeaseDurationSeconds(660)
                        .withAcquireTime(now)
                        .withRenewTime(now)
                        .endSpec()
                        .build())
                .create();
    }

    @Test
    void killedCanaryIsResumedFromTheCheckpointInItsSnapshot() {
        String id = dieAfterTheFirstStep();
        PendingDeployment pending = engine.pending(ns, "shop", "test").orElseThrow();
        assertThat(pending.state().nextPhase()).isEqualTo(1);
        assertThat(deployment("shop-canary").getSpec().getReplicas()).isEqualTo(1);

        assertThatThrownBy(
                        () -> deploy(request("registry/shop:1.1.0", 4, CANARY).build()))
                .as("a new deployment still waits for the lease")
                .isInstanceOf(LeaseHeldException.class);
        DeploymentEngine other = new DeploymentEngine(client, EngineOptions.defaults());
        DeploymentRecord record =
                other.resume(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(), null, null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.deploymentId()).isEqualTo(id);
        assertThat(record.phases())
                .extracting(PhaseRecord::name)
                .containsExactly("canary 50%", "canary 100%", "promote", "scale down canary");
        assertThat(image("shop")).isEqualTo("registry/shop:1.1.0");
        assertThat(deployment("shop-canary").getSpec().getReplicas()).isZero();
        assertThat(engine.pending(ns, "shop", "test")).isEmpty();
        assertThat(client.leases().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void killedCanaryIsAbortedAndEverythingIsAsBefore() {
        deploy(request("registry/shop:1.0.0", 4, CANARY).build());
        Map<String, Object> before = objects();
        String id = dieDuringTheUpdate();
        assertThat(objects()).isNotEqualTo(before);

        assertThatThrownBy(() -> engine.rollback(new RollbackRequest("shop", "test", ns, null, "ops"), null))
                .as("a manual rollback would not undo the canary step")
                .isInstanceOf(LeaseHeldException.class);

        DeploymentRecord record = engine.abort(ns, "shop", "test", "ops", null, null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.ABORTED);
        assertThat(record.deploymentId()).isEqualTo(id);
        assertThat(record.failureReason()).startsWith("aborted by ops after its process stopped");
        assertThat(objects()).isEqualTo(before);
        assertThat(engine.pending(ns, "shop", "test")).isEmpty();
        assertThat(client.leases().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void leaseOfAnotherDeploymentIsTakenOnlyWhenItsHolderIsNamed() {
        dieAfterTheFirstStep();
        leaseHeldBy("shop-test-20261207-000000-beef (bob)");

        assertThatThrownBy(() -> engine.abort(ns, "shop", "test", "ops", null, null))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("--force 'shop-test-20261207-000000-beef (bob)'");
        assertThatThrownBy(() -> engine.abort(ns, "shop", "test", "ops", "shop-test-20261207-000000-dead", null))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("not by 'shop-test-20261207-000000-dead'");
        assertThat(deployment("shop-canary").getSpec().getReplicas()).isEqualTo(1);

        DeploymentRecord record = engine.abort(ns, "shop", "test", "ops", "shop-test-20261207-000000-beef", null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.ABORTED);
        assertThat(record.events()).anyMatch(e -> e.contains("by request"));
        assertThat(image("shop")).isEqualTo("registry/shop:1.0.0");
    }

    @Test
    void manualRollbackAfterTheLeaseExpiredPointsToAbortAndResume() {
        dieAfterTheFirstStep();
        client.leases().inNamespace(ns).withName("devops-shop-test").delete();

        assertThatThrownBy(() -> engine.rollback(new RollbackRequest("shop", "test", ns, null, "ops"), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("stopped before phase 2 of 5")
                .hasMessageContaining("devops abort")
                .hasMessageContaining("devops resume");
        assertThat(deployment("shop-canary").getSpec().getReplicas()).isEqualTo(1);
    }
}
