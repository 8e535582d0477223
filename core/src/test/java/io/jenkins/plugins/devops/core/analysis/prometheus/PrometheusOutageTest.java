package io.jenkins.plugins.devops.core.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.devops.core.analysis.GateFactory;
import io.jenkins.plugins.devops.core.analysis.GateSpec;
import io.jenkins.plugins.devops.core.analysis.SecretResolver;
import io.jenkins.plugins.devops.core.analysis.testing.Contexts;
import io.jenkins.plugins.devops.core.analysis.testing.LocalPrometheus;
import io.jenkins.plugins.devops.core.analysis.testing.TrafficExporter;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.Measurement;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the analysis does when its Prometheus goes away: inconclusive, then the configured policy. */
class PrometheusOutageTest {
    private static TrafficExporter exporter;
    private static LocalPrometheus prometheus;

    @BeforeAll
    static void startPrometheus() throws Exception {
        exporter = new TrafficExporter();
        exporter.set("orders", "shop", "canary", 100, 0.0, 0.05);
        prometheus = LocalPrometheus.start(List.of(exporter.target()));
        awaitData();
    }

    private static void awaitData() {
        await("orders traffic scraped")
                .atMost(Duration.ofSeconds(60))
                .until(() -> prometheus.hasSamples("sum(http_requests_total{service=\"orders\"})", 10, 3));
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    private static HealthGate gate(Map<String, Object> extra) {
        Map<String, Object> item = new HashMap<>(Map.of(
                "name", "success-rate",
                "template", "request-success-rate",
                "window", "5s",
                "prometheusUrl", prometheus.url(),
                "queryTimeout", "2s"));
        item.putAll(extra);
        return new GateFactory(SecretResolver.NONE, HttpClient.newHttpClient())
                .create(GateSpec.fromMaps(List.of(item), List.of(), List.of()))
                .get(0);
    }

    @Test
    void stoppedPrometheusIsInconclusiveAndFailsTheGateByDefault() throws Exception {
        HealthGate gate = gate(Map.of());
        assertThat(gate.evaluate(Contexts.step("orders", "shop"), m -> {}).verdict())
                .as("sanity: the same gate passes while Prometheus runs")
                .isEqualTo(Verdict.PASSED);

        prometheus.stop();
        GateResult result;
        try {
            result = gate.evaluate(Contexts.step("orders", "shop"), m -> {});
        } finally {
            prometheus.restart();
            awaitData();
        }

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.measurements())
                .singleElement()
                .extracting(Measurement::verdict)
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.reason())
                .contains("Prometheus at " + prometheus.url() + " is unreachable")
                .contains("inconclusive policy: fail");
    }

    @Test
    void retryPolicyMeasuresAgainUntilPrometheusIsBack() throws Exception {
        HealthGate gate =
                gate(Map.of("inconclusive", "retry", "inconclusiveRetries", 20, "inconclusiveRetryInterval", "250ms"));
        AtomicInteger retries = new AtomicInteger();
        prometheus.stop();

        GateResult result = gate.evaluate(Contexts.step("orders", "shop"), message -> {
            if (message.contains("inconclusive") && retries.incrementAndGet() == 2) {
                try {
                    prometheus.restart(); // blocks until ready; the next retry finds it up
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });

        assertThat(result.verdict()).as(retries + " " + result.measurements()).isEqualTo(Verdict.PASSED);
        List<Measurement> measurements = result.measurements();
        assertThat(measurements.subList(0, 2)).allSatisfy(m -> {
            assertThat(m.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(m.note()).contains("unreachable").contains("measuring again");
        });
        assertThat(measurements.get(measurements.size() - 1).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void retryPolicyGivesUpAfterItsLimitAndSaysSo() throws Exception {
        HealthGate gate =
                gate(Map.of("inconclusive", "retry", "inconclusiveRetries", 2, "inconclusiveRetryInterval", "100ms"));

        GateResult result = gate.evaluate(Contexts.step("unknown-service", "shop"), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.measurements()).hasSize(3);
        assertThat(result.reason())
                .contains("no data")
                .contains("after 2 retries")
                .contains("inconclusive policy: retry");
    }
}
