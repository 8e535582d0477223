package io.jenkins.plugins.devops.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.sun.net.httpserver.HttpServer;
import hudson.ExtensionList;
import hudson.util.Secret;
import io.jenkins.plugins.devops.config.DevopsConfiguration;
import io.jenkins.plugins.devops.config.EventSinkConfig;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.metrics.DoraPrometheusCollector;
import io.jenkins.plugins.devops.model.DeploymentAction;
import io.prometheus.client.Collector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A deployment's events reach a real HTTP sink through the outbox, signed; its figures reach Prometheus. */
@WithJenkins
class EventsAndMetricsTest {
    private static final String HMAC = "hmac-7d1e0c2a9b";

    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    private MockCluster cluster;
    private HttpServer sink;
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        cluster = MockCluster.start("shop");
        ClusterCredentials.addKubeconfig(j.jenkins, cluster.url(), "shop");
        sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("ce-type");
            String signature = exchange.getRequestHeaders().getFirst("X-Devops-Signature-256");
            received.add(new String[] {
                type, signature, body, exchange.getRequestHeaders().toString()
            });
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        sink.start();
        CredentialsProvider.lookupStores(j.jenkins)
                .iterator()
                .next()
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(CredentialsScope.GLOBAL, "events-hmac", "", Secret.fromString(HMAC)));
        EventSinkConfig config = new EventSinkConfig(
                "audit", "http://127.0.0.1:" + sink.getAddress().getPort() + "/events");
        config.setHmacCredentialsId("events-hmac");
        DevopsConfiguration.get().setEventSinks(List.of(config));
    }

    @AfterEach
    void tearDown() {
        sink.stop(0);
        cluster.close();
    }

    @Test
    void deploymentCompletedIsDeliveredSignedAndWithoutSecrets() throws Exception {
        WorkflowRun build = deploy();

        String[] completed = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (completed == null && System.nanoTime() < deadline) {
            String[] event = received.poll(1, TimeUnit.SECONDS);
            if (event != null && "io.jenkins.devops.deployment.completed".equals(event[0])) {
                completed = event;
            }
        }
        assertTrue(completed != null, "deployment.completed was not delivered within 60 s");
        assertTrue(completed[1] != null && !completed[1].isEmpty(), "the event is signed");
        assertTrue(completed[2].contains("shop"), completed[2]);
        for (String part : completed) {
            assertFalse(part != null && part.contains(HMAC), "the HMAC secret is never sent");
            assertFalse(part != null && part.contains(ClusterCredentials.TOKEN), "the cluster token is never sent");
        }
        List<String> sent = build.getAction(DeploymentAction.class).getEventsSent();
        assertTrue(
                sent.stream().anyMatch(e -> e.startsWith("io.jenkins.devops.deployment.completed ")), sent.toString());
        // consumer events are on: the artifact, under the same package URL as service.upgraded / deployed
        assertTrue(
                sent.stream().anyMatch(e -> e.startsWith("dev.cdevents.artifact.published.0.3.0 ")), sent.toString());
        j.assertLogNotContains(HMAC, build);
    }

    @Test
    void prometheusCollectorExportsTheDeploymentsPerService() throws Exception {
        deploy();

        DoraPrometheusCollector collector = ExtensionList.lookupSingleton(DoraPrometheusCollector.class);
        List<Collector.MetricFamilySamples> families = collector.collect();

        Collector.MetricFamilySamples deployments = families.stream()
                .filter(f -> f.name.equals("devops_dora_deployments"))
                .findFirst()
                .orElseThrow();
        Collector.MetricFamilySamples.Sample shop = deployments.samples.stream()
                .filter(s -> s.labelValues.contains("shop") && s.labelValues.contains("staging"))
                .findFirst()
                .orElseThrow();
        assertEquals(1.0, shop.value);
        List<String> names = families.stream().map(f -> f.name).toList();
        assertTrue(
                names.containsAll(List.of(
                        "devops_dora_deployment_frequency",
                        "devops_dora_lead_time_for_changes_seconds",
                        "devops_dora_change_failure_rate",
                        "devops_dora_failed_deployment_recovery_time_seconds",
                        "devops_dora_deployment_rework_rate")),
                names.toString());
        assertTrue(names.stream().noneMatch(n -> n.contains("time_to_restore")), names.toString());
    }

    private WorkflowRun deploy() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "shop");
        job.setDefinition(new CpsFlowDefinition(DeployStepTest.deploy("registry.example.com/shop:1.1", ""), true));
        return j.buildAndAssertSuccess(job);
    }
}
