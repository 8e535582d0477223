package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.objects;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.kube.LeaseHeldException;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.ScriptedGate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class LeaseAndAbortTest {
    private static final StrategySettings CANARY = StrategySettings.canary(List.of(20, 100));
    private MockCluster cluster;
    private DeploymentEngine engine;

    @BeforeEach
    void start() {
        cluster = MockCluster.start(NS);
        engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
        engine.deploy(request("registry/shop:1.0.0", 4, CANARY).build(), List.of(), null);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void secondDeploymentIsRefusedNamingTheHolderAndAbortRollsTheFirstBack() throws Exception {
        Map<String, Object> before = objects(cluster);
        ScriptedGate slowAnalysis = ScriptedGate.passing().blockingWhen(c -> c.point() == GatePoint.STEP);
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<DeploymentRecord> first = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            return engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(slowAnalysis), null);
        });
        assertThat(slowAnalysis.blocked().await(60, TimeUnit.SECONDS)).isTrue();
        cluster.traffic().clearRequests();

        DeploymentEngine other = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
        assertThatThrownBy(() -> other.deploy(
                        request("registry/shop:1.2.0", 4, CANARY)
                                .triggeredBy("bob")
                                .build(),
                        List.of(),
                        null))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("held by 'shop-prod-")
                .hasMessageContaining("(alice)");
        assertThat(cluster.traffic().writes()).isEmpty();

        worker.get().interrupt();
        DeploymentRecord aborted = first.get(60, TimeUnit.SECONDS);
        assertThat(aborted.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(objects(cluster)).isEqualTo(before);
        assertThat(cluster.admin().leases().inNamespace(NS).list().getItems()).isEmpty();
    }

    @Test
    void expiredLeaseOfADeadDeploymentIsTakenOver() {
        ZonedDateTime longAgo = ZonedDateTime.now().minusHours(2);
        cluster.seed(new LeaseBuilder()
                .withNewMetadata()
                .withName("devops-shop-prod")
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity("shop-prod-20261123-ghost (carol)")
                .withLeaseDurationSeconds(660)
                .withAcquireTime(longAgo)
                .withRenewTime(longAgo)
                .endSpec()
                .build());

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.events())
                .anyMatch(e -> e.contains(
                        "took over expired lease devops-shop-prod from " + "'shop-prod-20261123-ghost (carol)'"));
    }

    @Test
    void deploymentThatLostItsLeaseLeavesTheTakerAloneInsteadOfRollingBackOverIt() {
        String taker = "shop-prod-20261124-taker (bob)";
        ScriptedGate stalledAnalysis = ScriptedGate.failingWhen(
                c -> {
                    // 20% of 4 replicas is 1 canary pod of 4: the gates see the effective 25%.
                    if (c.point() == GatePoint.STEP && c.weight() == 25) {
                        // As if this run stalled past its lease: another deployment takes the lease over, stores
                        // its own snapshot and starts writing.
                        Lease lease = cluster.admin()
                                .leases()
                                .inNamespace(NS)
                                .withName("devops-shop-prod")
                                .get();
                        lease.getSpec().setHolderIdentity(taker);
                        lease.getSpec().setRenewTime(ZonedDateTime.now());
                        cluster.admin().leases().inNamespace(NS).resource(lease).update();
                        Secret snapshot = cluster.admin()
                                .secrets()
                                .inNamespace(NS)
                                .withName("devops-shop-prod-snapshot")
                                .get();
                        snapshot.getData().put("deploymentId", base64("shop-prod-20261124-taker"));
                        cluster.admin()
                                .secrets()
                                .inNamespace(NS)
                                .resource(snapshot)
                                .update();
                        cluster.admin()
                                .apps()
                                .deployments()
                                .inNamespace(NS)
                                .withName("shop-canary")
                                .edit(d -> {
                                    d.getSpec()
                                            .getTemplate()
                                            .getSpec()
                                            .getContainers()
                                            .get(0)
                                            .setImage("registry/shop:2.0.0");
                                    return d;
                                });
                    }
                    return false;
                },
                "never");

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(stalledAnalysis), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED);
        assertThat(record.failureReason()).contains("'" + taker + "'", "nothing was rolled back");
        assertThat(cluster.admin()
                        .leases()
                        .inNamespace(NS)
                        .withName("devops-shop-prod")
                        .get()
                        .getSpec()
                        .getHolderIdentity())
                .as("the taker's lease is not released by the loser")
                .isEqualTo(taker);
        assertThat(cluster.admin()
                        .secrets()
                        .inNamespace(NS)
                        .withName("devops-shop-prod-snapshot")
                        .get())
                .as("the taker's snapshot is kept")
                .isNotNull();
        assertThat(EngineFixture.image(cluster, "shop-canary"))
                .as("the taker's writes are not undone")
                .isEqualTo("registry/shop:2.0.0");
    }

    @Test
    void leaseStaysHeldWhileAGateWaitsLongerThanTheLeaseLasts() throws Exception {
        MovableClock clock = new MovableClock();
        EngineOptions shortSlack = new EngineOptions(5, java.time.Duration.ofSeconds(1), null, "");
        DeploymentEngine first = new DeploymentEngine(cluster.client(), shortSlack, clock);
        ScriptedGate awaitingApproval = ScriptedGate.passing().blockingWhen(c -> c.point() == GatePoint.STEP);
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<DeploymentRecord> running = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            return first.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(awaitingApproval), null);
        });
        assertThat(awaitingApproval.blocked().await(60, TimeUnit.SECONDS)).isTrue();

        // The approval takes 10 minutes, far beyond the 31 s lease (30 s progress deadline + 1 s slack).
        clock.advance(java.time.Duration.ofMinutes(10));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(cluster.admin()
                                .leases()
                                .inNamespace(NS)
                                .withName("devops-shop-prod")
                                .get()
                                .getSpec()
                                .getRenewTime()
                                .toInstant())
                        .isAfterOrEqualTo(clock.instant().minusSeconds(1)));
        DeploymentEngine second = new DeploymentEngine(cluster.client(), shortSlack, clock);
        assertThatThrownBy(() -> second.deploy(
                        request("registry/shop:1.2.0", 4, CANARY)
                                .triggeredBy("bob")
                                .build(),
                        List.of(),
                        null))
                .isInstanceOf(LeaseHeldException.class);

        worker.get().interrupt();
        assertThat(running.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ABORTED);
    }

    /** A clock the test moves forward, shared by the engines and the lease checks. */
    private static final class MovableClock extends java.time.Clock {
        private volatile java.time.Duration offset = java.time.Duration.ZERO;

        void advance(java.time.Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return java.time.Clock.offset(java.time.Clock.system(zone), offset);
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(offset);
        }
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static List<StrategySettings> strategies() {
        return List.of(StrategySettings.rolling(), StrategySettings.recreate(), StrategySettings.blueGreen(), CANARY);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("strategies")
    void liveLeaseOfAnotherHolderRefusesBeforeAnyWrite(StrategySettings strategy) {
        ZonedDateTime now = ZonedDateTime.now();
        cluster.seed(new LeaseBuilder()
                .withNewMetadata()
                .withName("devops-shop-prod")
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity("shop-prod-20261124-live (dave)")
                .withLeaseDurationSeconds(660)
                .withAcquireTime(now)
                .withRenewTime(now)
                .endSpec()
                .build());
        cluster.traffic().clearRequests();

        assertThatThrownBy(() ->
                        engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(), null))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("'shop-prod-20261124-live (dave)'");
        assertThat(cluster.traffic().writes()).isEmpty();
    }
}
