package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.deployment;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.image;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.ReadyPodSampler;
import io.jenkins.plugins.devops.core.kube.testing.ScriptedGate;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Canary weights carried by Gateway API HTTPRoute backendRef weights. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class RoutedCanaryTest {
    private static final String ROUTE =
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: shop-route
            spec:
              parentRefs:
                - name: public-gateway
              rules:
                - backendRefs:
                    - name: shop
                      port: 80
            """;
    private static final StrategySettings ROUTED =
            StrategySettings.fromOptions("canary", Map.of("steps", List.of(10, 50, 100), "httpRoute", "shop-route"));

    private MockCluster cluster;
    private DeploymentEngine engine;

    @BeforeEach
    void start() {
        cluster = MockCluster.start(NS);
        engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
        DeploymentRecord installed = engine.deploy(request("1.0.0"), List.of(), null);
        assertThat(installed.outcome()).as(installed.failureReason()).isEqualTo(Outcome.SUCCEEDED);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static DeploymentRequest request(String version) {
        return DeploymentRequest.builder()
                .service("shop")
                .environment("prod")
                .namespace(NS)
                .manifests(TestManifests.app("shop", "registry/shop:1", 4, "hello") + "---\n" + ROUTE)
                .image("registry/shop:" + version)
                .strategy(ROUTED)
                .progressDeadline(Duration.ofSeconds(30))
                .build();
    }

    private Map<String, Integer> weights() {
        HTTPRoute route = cluster.admin()
                .resources(HTTPRoute.class)
                .inNamespace(NS)
                .withName("shop-route")
                .get();
        return route.getSpec().getRules().get(0).getBackendRefs().stream()
                .collect(Collectors.toMap(HTTPBackendRef::getName, r -> r.getWeight() == null ? 1 : r.getWeight()));
    }

    @Test
    void routeWeightsFollowTheStepsAndEndOnStable() {
        List<Map<String, Integer>> seen = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void gateEvaluated(io.jenkins.plugins.devops.core.gate.GateResult result) {
                seen.add(weights());
            }
        };

        DeploymentRecord record = engine.deploy(request("1.1.0"), List.of(ScriptedGate.passing()), listener);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(seen)
                .contains(
                        Map.of("shop-stable", 90, "shop-canary", 10),
                        Map.of("shop-stable", 50, "shop-canary", 50),
                        Map.of("shop-stable", 0, "shop-canary", 100));
        assertThat(weights()).isEqualTo(Map.of("shop-stable", 100, "shop-canary", 0));
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.1.0");
        assertThat(deployment(cluster, "shop").getSpec().getReplicas()).isEqualTo(4);
        assertThat(cluster.admin()
                        .services()
                        .inNamespace(NS)
                        .withName("shop-canary")
                        .get()
                        .getSpec()
                        .getSelector())
                .containsEntry("devops.jenkins.io/track", "canary");
    }

    @Test
    void failedStepRestoresTheRouteAndRemovesTheTrackServices() {
        Map<String, Object> before = objects(cluster);
        Map<String, Integer> routeBefore = weights();

        DeploymentRecord record = engine.deploy(
                request("1.1.0"), List.of(ScriptedGate.failingWhen(c -> c.weight() == 50, "5xx rate 4%")), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(weights()).isEqualTo(routeBefore).containsOnlyKeys("shop");
        assertThat(objects(cluster)).isEqualTo(before);
        assertThat(cluster.admin()
                        .services()
                        .inNamespace(NS)
                        .withName("shop-stable")
                        .get())
                .isNull();
    }

    @Test
    void weightMovesOnlyToReadyPodsAndTheRollbackKeepsEveryStablePod() {
        cluster.controller().readyDelay(Duration.ofMillis(150));
        try (ReadyPodSampler sampler = ReadyPodSampler.start(cluster.admin(), NS, "shop")) {
            DeploymentRecord record = engine.deploy(
                    request("1.1.0"), List.of(ScriptedGate.failingWhen(c -> c.weight() == 50, "5xx rate 4%")), sampler);

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            List<ReadyPodSampler.WeightSample> steps = sampler.weights().stream()
                    .filter(w -> w.weight() > 0 && w.weight() < 100)
                    .toList();
            assertThat(steps).extracting(ReadyPodSampler.WeightSample::weight).containsExactly(10, 50);
            // Each side has at least its traffic share of the 4 desired pods ready when the route moves.
            assertThat(steps).allSatisfy(w -> {
                assertThat(w.readyBehind().get("shop-canary"))
                        .as("canary at " + w.weight() + "%")
                        .isGreaterThanOrEqualTo((int) Math.ceil(4 * w.weight() / 100.0));
                assertThat(w.readyBehind().get("shop-stable"))
                        .as("stable at " + w.weight() + "%")
                        .isGreaterThanOrEqualTo(4);
            });
            // The stable's re-roll for the track label and its restore in the rollback are surge-only.
            assertThat(sampler.minimumByPhase()).containsKeys("canary 10%", "rollback");
            assertThat(sampler.minimum()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void eachStepWritesPodsBeforeTheRouteAndAPromotionBelowHundredGoesBehindAFullCanary() {
        DeploymentPlan plan = engine.plan(request("1.1.0").toBuilder()
                .strategy(StrategySettings.canary(List.of(10, 50), Duration.ZERO, "shop-route"))
                .build());

        assertThat(plan.phases().get(1).writtenObjects())
                .containsExactly(
                        "Deployment/shop-canary (replicas 2)", "Deployment/shop (replicas 4)", "HTTPRoute/shop-route");
        assertThat(plan.phases().get(2).name()).isEqualTo("promote");
        assertThat(plan.phases().get(2).writtenObjects())
                .containsExactly(
                        "Deployment/shop-canary (replicas 4)", "HTTPRoute/shop-route", "Deployment/shop (replicas 4)");
        assertThat(plan.phases().get(2).awaitRollout()).containsExactly("shop-canary", "shop");
    }

    @Test
    void missingRouteIsRefusedBeforeAnyWrite() {
        cluster.traffic().clearRequests();
        DeploymentRequest request = request("1.1.0").toBuilder()
                .strategy(StrategySettings.canary(List.of(50, 100), Duration.ZERO, "checkout-route"))
                .build();

        assertThatThrownBy(() -> engine.deploy(request, List.of(), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("HTTPRoute 'checkout-route' is neither in the manifests nor in namespace shop");
        assertThat(cluster.traffic().writes()).isEmpty();
    }
}
