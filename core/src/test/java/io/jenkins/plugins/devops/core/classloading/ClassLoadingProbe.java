package io.jenkins.plugins.devops.core.classloading;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.analysis.judge.Direction;
import io.jenkins.plugins.devops.core.analysis.judge.JudgeMetricSpec;
import io.jenkins.plugins.devops.core.analysis.judge.MannWhitneyClassifier;
import io.jenkins.plugins.devops.core.analysis.judge.MetricComparison;
import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.Fixtures;
import io.jenkins.plugins.devops.core.checklist.Status;
import io.jenkins.plugins.devops.core.context.ContextFile;
import io.jenkins.plugins.devops.core.context.ContextSchemas;
import io.jenkins.plugins.devops.core.context.StepContext;
import io.jenkins.plugins.devops.core.context.StepRun;
import io.jenkins.plugins.devops.core.context.WorkspaceContextValidator;
import io.jenkins.plugins.devops.core.context.WorkspaceContextWriter;
import io.jenkins.plugins.devops.core.deploy.DeploymentEngine;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.EngineOptions;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.deploy.StrategySettings;
import io.jenkins.plugins.devops.core.deploy.manifest.ManifestParser;
import io.jenkins.plugins.devops.core.events.DeploymentEvents;
import io.jenkins.plugins.devops.core.events.EventJson;
import io.jenkins.plugins.devops.core.events.EventMode;
import io.jenkins.plugins.devops.core.events.HttpSink;
import io.jenkins.plugins.devops.core.events.SinkConfig;
import io.jenkins.plugins.devops.core.kube.KubernetesClients;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import io.jenkins.plugins.devops.core.ledger.Deployments;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the code paths of core that find resources or services, and reports what each produced as plain strings
 * (only {@code java.*} types cross back to the test, which loads this class in a class loader of its own).
 *
 * <p>Every step uses production code only: the test fixtures here are the mock cluster and the checklist fixture
 * repositories, which read their own resources through their own classes.
 */
public final class ClassLoadingProbe {
    private ClassLoadingProbe() {}

    /** Called reflectively by {@link EmptyContextClassLoaderTest}; throws whatever a step threw. */
    public static Map<String, String> run(Path scratch) throws IOException {
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("contextClassLoaderSeesCore", String.valueOf(contextLoaderSees("io/jenkins/plugins/devops/core")));
        workspaceContext(scratch, seen);
        events(seen);
        kubernetes(seen);
        manifests(seen);
        checklist(seen);
        statistics(seen);
        return seen;
    }

    private static boolean contextLoaderSees(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null && context.getResource(resource) != null;
    }

    private static void workspaceContext(Path workspace, Map<String, String> seen) {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        new WorkspaceContextWriter(workspace)
                .write(StepContext.builder("shop/checkout/main", 7)
                        .step(new StepRun("devopsChecklist", "SUCCESS", t0, t0.plusSeconds(3), "score 9.1", null))
                        .build());
        seen.put(
                "contextProblems", WorkspaceContextValidator.validate(workspace).toString());
        // A problem message comes from the validator's resource bundle, another look-up by class loader.
        seen.put(
                "invalidTaskProblems",
                ContextSchemas.get()
                        .validate(
                                ContextFile.TASK,
                                JsonNodeFactory.instance.objectNode().put("taskId", 7))
                        .toString());
    }

    private static void events(Map<String, String> seen) throws IOException {
        CloudEvent event = new DeploymentEvents(URI.create("/jenkins/job/shop"))
                .of(Deployments.record("d1", "checkout", Outcome.SUCCEEDED, 10))
                .get(1);
        seen.put(
                "eventJsonRoundTrip",
                String.valueOf(EventJson.deserialize(EventJson.serialize(event))
                        .getId()
                        .equals(event.getId())));

        List<Map<String, Object>> received = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/events", exchange -> {
            Map<String, Object> request = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> request.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            request.put("body", exchange.getRequestBody().readAllBytes());
            synchronized (received) {
                received.add(request);
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
            new HttpSink(SinkConfig.http("structured", url).withMode(EventMode.STRUCTURED)).deliver(event);
            new HttpSink(SinkConfig.http("binary", url)).deliver(event);
        } finally {
            server.stop(0);
        }
        Map<String, Object> structured = received.get(0);
        Map<String, Object> binary = received.get(1);
        seen.put("structuredContentType", String.valueOf(structured.get("content-type")));
        seen.put(
                "structuredEventId",
                EventJson.deserialize((byte[]) structured.get("body")).getId().equals(event.getId())
                        ? "same"
                        : "different");
        seen.put("binaryCeId", String.valueOf(event.getId().equals(binary.get("ce-id"))));
        seen.put("binaryCeType", String.valueOf(binary.get("ce-type")));
    }

    private static void kubernetes(Map<String, String> seen) {
        try (MockCluster cluster = MockCluster.start("probe");
                KubernetesClient client = KubernetesClients.fromKubeconfig(cluster.kubeconfig(), "mock")) {
            seen.put("httpClientFactory", client.getHttpClient().getClass().getName());
            DeploymentRecord record = new DeploymentEngine(client, EngineOptions.defaults())
                    .deploy(
                            DeploymentRequest.builder()
                                    .service("shop")
                                    .environment("staging")
                                    .namespace("probe")
                                    .manifests(TestManifests.app("shop", "registry/shop:1.0.0", 2, "hello"))
                                    .image("registry/shop:1.1.0")
                                    .strategy(StrategySettings.rolling())
                                    .progressDeadline(Duration.ofSeconds(30))
                                    .triggeredBy("probe")
                                    .build(),
                            List.of(),
                            null);
            seen.put(
                    "deployOutcome",
                    record.outcome()
                            + (record.failureReason() == null
                                            || record.failureReason().isEmpty()
                                    ? ""
                                    : ": " + record.failureReason()));
            Deployment deployed = client.apps()
                    .deployments()
                    .inNamespace("probe")
                    .withName("shop")
                    .get();
            seen.put(
                    "deployedImage",
                    deployed.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage());
            ConfigMap config = client.configMaps()
                    .inNamespace("probe")
                    .withName("shop-config")
                    .get();
            seen.put("configMapData", String.valueOf(config.getData()));
        }
    }

    private static void manifests(Map<String, String> seen) {
        seen.put(
                "manifestKinds",
                ManifestParser.parse(TestManifests.app("shop", "registry/shop:1.0.0", 2, "hello")).stream()
                        .map(d -> String.valueOf(d.content().get("kind")))
                        .toList()
                        .toString());
    }

    private static void checklist(Map<String, String> seen) {
        ChecklistReport good = Fixtures.evaluate("good-service");
        ChecklistReport bad = Fixtures.evaluate("bad-service");
        seen.put("checklistGoodScore", String.valueOf(good.score()));
        seen.put(
                "checklistBadFailedItems",
                String.valueOf(bad.checklists().stream()
                                .mapToLong(c -> c.count(Status.FAIL))
                                .sum()
                        > 0));
    }

    private static void statistics(Map<String, String> seen) {
        MetricComparison result = new MannWhitneyClassifier(0.98)
                .classify(
                        new JudgeMetricSpec("latency", "q{{track}}", Direction.INCREASE, false, false, 1, 1, 1, false),
                        new double[] {1.1, 2.3, 3.0, 4.2, 5.5},
                        new double[] {6.1, 7.4, 8.0, 9.3, 10.2});
        seen.put("mannWhitneyU", String.valueOf(result.u()));
    }
}
