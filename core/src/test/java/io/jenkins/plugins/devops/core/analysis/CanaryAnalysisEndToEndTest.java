package io.jenkins.plugins.devops.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.analysis.testing.FaultyHttpServer;
import io.jenkins.plugins.devops.core.analysis.testing.FaultyHttpServer.Response;
import io.jenkins.plugins.devops.core.analysis.testing.LocalPrometheus;
import io.jenkins.plugins.devops.core.analysis.testing.TrafficExporter;
import io.jenkins.plugins.devops.core.deploy.DeploymentEngine;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.EngineOptions;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.deploy.StrategySettings;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.Verdict;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment engine with gates built from user configuration: a canary analysed by a real Prometheus is
 * promoted when its success rate is good and rolled back when it is not; a webhook hears each outcome.
 */
class CanaryAnalysisEndToEndTest {
    private static TrafficExporter exporter;
    private static LocalPrometheus prometheus;
    private static FaultyHttpServer hooks;

    @BeforeAll
    static void start() throws Exception {
        exporter = new TrafficExporter();
        exporter.set("shop", "healthy", "canary", 200, 0.002, 0.05);
        exporter.set("shop", "broken", "canary", 200, 0.3, 0.05);
        for (String namespace : List.of("judged-good", "judged-bad")) {
            exporter.set("shop", namespace, "stable", 200, 0.01, 0.05);
        }
        exporter.set("shop", "judged-good", "canary", 200, 0.01, 0.05);
        exporter.set("shop", "judged-bad", "canary", 200, 0.3, 0.05);
        prometheus = LocalPrometheus.start(List.of(exporter.target()));
        hooks = new FaultyHttpServer().on("/deployments", r -> new Response(200, ""));
        await("traffic of both namespaces scraped")
                .atMost(Duration.ofSeconds(60))
                .until(() -> prometheus.hasSamples("sum(http_requests_total{namespace=\"judged-bad\"})", 10, 10));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hooks != null) {
            hooks.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    private static List<HealthGate> gates() {
        String yaml =
                """
                analysis:
                  - name: success-rate
                    template: request-success-rate
                    window: 5s
                    count: 2
                    interval: 200ms
                    prometheusUrl: %s
                webhooks:
                  - name: notify
                    url: %s
                    points: [pre-rollout, post-rollout, rollback]
                """
                        .formatted(prometheus.url(), hooks.url("/deployments/{{namespace}}"));
        return new GateFactory(SecretResolver.NONE, HttpClient.newHttpClient()).create(GateSpec.fromYaml(yaml));
    }

    /** Only the statistical judge, with its built-in template and default pod selector. */
    private static List<HealthGate> judge() {
        String yaml =
                """
                analysis:
                  - type: canary-judge
                    name: judge
                    lookback: 8s
                    step: 500ms
                    prometheusUrl: %s
                    metrics:
                      - template: request-success-rate
                        window: 2s
                        critical: true
                """
                        .formatted(prometheus.url());
        return new GateFactory(SecretResolver.NONE, HttpClient.newHttpClient()).create(GateSpec.fromYaml(yaml));
    }

    private static DeploymentRecord deploy(
            MockCluster cluster, String namespace, String image, List<HealthGate> gates) {
        DeploymentRequest request = DeploymentRequest.builder()
                .service("shop")
                .environment("prod")
                .namespace(namespace)
                .manifests(TestManifests.app("shop", "registry/shop:1.0.0", 4, "hello"))
                .image(image)
                .strategy(StrategySettings.canary(List.of(25, 100)))
                .progressDeadline(Duration.ofSeconds(30))
                .triggeredBy("alice")
                .build();
        return new DeploymentEngine(cluster.client(), EngineOptions.defaults()).deploy(request, gates, null);
    }

    private static String image(MockCluster cluster, String namespace) {
        Deployment deployment = cluster.admin()
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName("shop")
                .get();
        return deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    private static List<String> phasesHeardFor(String namespace) {
        return hooks.received().stream()
                .filter(r -> r.path().equals("/deployments/" + namespace))
                .map(r -> r.header("X-devops-event"))
                .toList();
    }

    @Test
    void canaryWhoseAnalysisPassesIsPromoted() {
        try (MockCluster cluster = MockCluster.start("healthy")) {
            assertThat(deploy(cluster, "healthy", "registry/shop:1.0.0", List.of())
                            .outcome())
                    .isEqualTo(Outcome.SUCCEEDED);

            DeploymentRecord record = deploy(cluster, "healthy", "registry/shop:1.1.0", gates());

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(image(cluster, "healthy")).isEqualTo("registry/shop:1.1.0");
            List<GateResult> analyses = record.gateResults().stream()
                    .filter(r -> r.gate().equals("prometheus-analysis") && r.point() == GatePoint.STEP)
                    .toList();
            assertThat(analyses).extracting(GateResult::weight).containsExactly(25, 100);
            assertThat(analyses).allSatisfy(r -> {
                assertThat(r.verdict()).isEqualTo(Verdict.PASSED);
                assertThat(r.measurements()).hasSize(2).allSatisfy(m -> assertThat(m.value())
                        .isBetween(99.0, 100.0));
            });
            assertThat(phasesHeardFor("healthy")).containsExactly("pre-rollout", "post-rollout");
        }
    }

    @Test
    void canaryWhoseAnalysisFailsIsRolledBack() {
        try (MockCluster cluster = MockCluster.start("broken")) {
            assertThat(deploy(cluster, "broken", "registry/shop:1.0.0", List.of())
                            .outcome())
                    .isEqualTo(Outcome.SUCCEEDED);

            DeploymentRecord record = deploy(cluster, "broken", "registry/shop:1.1.0", gates());

            assertThat(record.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            assertThat(record.failureReason()).contains("success-rate", "is below the minimum 99");
            assertThat(image(cluster, "broken")).isEqualTo("registry/shop:1.0.0");
            assertThat(record.gateResults())
                    .filteredOn(r -> r.gate().equals("prometheus-analysis"))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.weight()).isEqualTo(25);
                        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
                        assertThat(r.measurements().get(0).value()).isBetween(60.0, 80.0); // 30% errors
                    });
            assertThat(phasesHeardFor("broken")).containsExactly("pre-rollout", "rollback");
        }
    }

    @Test
    void judgeComparingTheEnginesCanaryPodsWithTheStablePodsPromotesALookAlikeCanary() {
        try (MockCluster cluster = MockCluster.start("judged-good")) {
            deploy(cluster, "judged-good", "registry/shop:1.0.0", List.of());

            DeploymentRecord record = deploy(cluster, "judged-good", "registry/shop:1.1.0", judge());

            assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(record.gateResults())
                    .filteredOn(r -> r.gate().equals("judge"))
                    .extracting(GateResult::point)
                    .containsExactly(GatePoint.STEP, GatePoint.STEP, GatePoint.CONFIRM_PROMOTION);
            assertThat(record.gateResults())
                    .filteredOn(r -> r.gate().equals("judge"))
                    .allSatisfy(r -> assertThat(r.reason()).startsWith("canary score 100"));
        }
    }

    @Test
    void judgeRollsBackACanaryFailingMoreOftenThanItsStablePods() {
        try (MockCluster cluster = MockCluster.start("judged-bad")) {
            deploy(cluster, "judged-bad", "registry/shop:1.0.0", List.of());

            DeploymentRecord record = deploy(cluster, "judged-bad", "registry/shop:1.1.0", judge());

            assertThat(record.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            assertThat(record.failureReason()).contains("canary score 0: critical metric failed", "LOW");
            assertThat(image(cluster, "judged-bad")).isEqualTo("registry/shop:1.0.0");
        }
    }
}
