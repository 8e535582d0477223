package io.jenkins.plugins.devops.core.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Threshold analysis against a real Prometheus scraping an exporter whose traffic the test controls. */
class PrometheusAnalysisGateTest {
    private static final String NS = "shop";
    private static TrafficExporter exporter;
    private static LocalPrometheus prometheus;

    @BeforeAll
    static void startPrometheus() throws Exception {
        exporter = new TrafficExporter();
        exporter.set("checkout", NS, "canary", 200, 0.005, 0.08);
        exporter.set("payments", NS, "canary", 200, 0.0, 0.08);
        exporter.set("search", NS, "canary", 200, 0.0, 0.9);
        prometheus = LocalPrometheus.start(List.of(exporter.target()));
        await("a few scrapes of every service")
                .atMost(Duration.ofSeconds(60))
                .until(() -> prometheus.hasSamples("sum(http_requests_total{service=\"search\"})", 10, 4));
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

    private static HealthGate gate(Map<String, Object> metric) {
        Map<String, Object> item = new HashMap<>(metric);
        item.putIfAbsent("prometheusUrl", prometheus.url());
        if (item.containsKey("template")) {
            item.putIfAbsent("window", "5s");
        }
        List<HealthGate> gates = new GateFactory(SecretResolver.NONE, HttpClient.newHttpClient())
                .create(GateSpec.fromMaps(List.of(item), List.of(), List.of()));
        assertThat(gates).hasSize(1);
        return gates.get(0);
    }

    @Test
    void successRateTemplatePassesWhileTheErrorRateIsLowAndKeepsEveryMeasurement() throws Exception {
        HealthGate gate = gate(
                Map.of("name", "success-rate", "template", "request-success-rate", "count", 3, "interval", "300ms"));
        List<String> progress = new CopyOnWriteArrayList<>();

        GateResult result = gate.evaluate(Contexts.step("checkout", NS), progress::add);

        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
        assertThat(result.measurements()).hasSize(3).allSatisfy(m -> {
            assertThat(m.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(m.value()).isBetween(99.0, 100.0).isLessThan(100.0); // 0.5% errors: about 99.5
        });
        assertThat(progress)
                .containsExactly(
                        "analysis success-rate 1/3 passed",
                        "analysis success-rate 2/3 passed",
                        "analysis success-rate 3/3 passed");
    }

    @Test
    void analysisFailsWhenTheErrorRateRisesDuringTheAnalysis() throws Exception {
        exporter.set("payments", NS, "canary", 200, 0.0, 0.08);
        HealthGate gate = gate(Map.of(
                "name", "success-rate",
                "template", "request-success-rate",
                "count", 60,
                "interval", "250ms",
                "failureLimit", 1));
        AtomicBoolean raised = new AtomicBoolean();

        GateResult result = gate.evaluate(Contexts.step("payments", NS), message -> {
            if (message.contains(" 1/60 passed") && raised.compareAndSet(false, true)) {
                exporter.set("payments", NS, "canary", 200, 0.3, 0.08);
            }
        });

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        List<Measurement> measurements = result.measurements();
        assertThat(measurements.get(0).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(measurements.get(0).value()).isCloseTo(100.0, within(1e-9)); // no errors yet
        List<Measurement> failed =
                measurements.stream().filter(m -> m.verdict() == Verdict.FAILED).toList();
        assertThat(failed).hasSize(2); // failureLimit 1 tolerates one failure, the second ends the analysis
        assertThat(measurements.get(measurements.size() - 1).value()).isLessThan(99.0);
        assertThat(measurements.size()).isLessThan(60);
        assertThat(result.reason())
                .startsWith("success-rate: ")
                .contains("is below the minimum 99")
                .contains("2 of ")
                .contains("failure limit 1");
    }

    @Test
    void latencyTemplateFailsWhenP99IsAboveItsDefaultMaximum() throws Exception {
        HealthGate slow = gate(Map.of("name", "latency", "template", "request-duration"));
        HealthGate fast = gate(Map.of("name", "latency", "template", "request-duration"));

        GateResult slowResult = slow.evaluate(Contexts.step("search", NS), m -> {});
        GateResult fastResult = fast.evaluate(Contexts.step("checkout", NS), m -> {});

        // All search requests take 0.9 s: every sample falls in the (0.5, 1] bucket, so p99 interpolates to ~995 ms.
        assertThat(slowResult.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(slowResult.measurements().get(0).value()).isBetween(900.0, 1000.0);
        assertThat(slowResult.reason()).contains("is above the maximum 500");
        // Checkout requests take 80 ms: in the (0.05, 0.1] bucket, p99 ~ 99.5 ms.
        assertThat(fastResult.verdict()).as(fastResult.reason()).isEqualTo(Verdict.PASSED);
        assertThat(fastResult.measurements().get(0).value()).isBetween(50.0, 100.0);
    }

    @Test
    void initialDelayPostponesTheFirstMeasurement() throws Exception {
        HealthGate gate =
                gate(Map.of("name", "success-rate", "template", "request-success-rate", "initialDelay", "700ms"));
        // The gate schedules in whole milliseconds (Clock.millis()), so compare at that precision.
        java.time.Instant start = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        GateResult result = gate.evaluate(Contexts.step("checkout", NS), m -> {});

        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
        assertThat(result.measurements().get(0).time()).isAfterOrEqualTo(start.plusMillis(700));
    }

    @Test
    void missingSeriesIsInconclusiveAndFailsByDefaultSayingWhichPolicyApplied() throws Exception {
        HealthGate gate = gate(Map.of("name", "success-rate", "template", "request-success-rate"));

        GateResult result = gate.evaluate(Contexts.step("no-such-service", NS), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.measurements()).singleElement().satisfies(m -> {
            assertThat(m.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(m.value()).isNaN();
        });
        assertThat(result.reason()).contains("no data").contains("inconclusive policy: fail");
    }

    @Test
    void missingSeriesPassesWhenThePolicyIsPass() throws Exception {
        HealthGate gate = gate(Map.of(
                "name",
                "success-rate",
                "template",
                "request-success-rate",
                "inconclusive",
                "pass",
                "count",
                2,
                "interval",
                "100ms"));

        GateResult result = gate.evaluate(Contexts.step("no-such-service", NS), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.measurements()).hasSize(2).allSatisfy(m -> {
            assertThat(m.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(m.note()).contains("counted as passed (inconclusive policy: pass)");
        });
    }

    @Test
    void customQueryWithPlaceholdersAndConsecutiveSuccessLimitEndsEarly() throws Exception {
        HealthGate gate = gate(Map.of(
                "name", "throughput",
                "query",
                        "sum(rate(http_requests_total{namespace=\"{{namespace}}\",service=\"{{service}}\","
                                + "track=\"{{track}}\"}[5s]))",
                "min", 100,
                "max", 400,
                "count", 10,
                "interval", "100ms",
                "consecutiveSuccessLimit", 2));

        GateResult result = gate.evaluate(Contexts.step("checkout", NS), m -> {});

        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
        assertThat(result.measurements()).hasSize(2); // stopped after 2 passes in a row instead of 10
        assertThat(result.measurements().get(0).value()).isBetween(150.0, 250.0); // 200 requests/s
        assertThat(result.reason()).contains("2 passes in a row");
    }

    @Test
    void metricsRunSideBySideAndTheFailingOneEndsTheGate() throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String template : List.of("request-success-rate", "request-duration")) {
            items.add(new HashMap<>(Map.of(
                    "name",
                    template,
                    "template",
                    template,
                    "count",
                    3,
                    "interval",
                    "200ms",
                    "prometheusUrl",
                    prometheus.url(),
                    "window",
                    "5s")));
        }
        HealthGate gate = new GateFactory(SecretResolver.NONE, HttpClient.newHttpClient())
                .create(GateSpec.fromMaps(items, null, null))
                .get(0);

        GateResult result = gate.evaluate(Contexts.step("search", NS), m -> {});

        // search has no errors but 0.9 s latency: the success rate passes its first measurement, latency fails.
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.reason()).startsWith("request-duration: ");
        assertThat(result.measurements())
                .extracting(Measurement::metric)
                .contains("request-success-rate", "request-duration");
    }
}
