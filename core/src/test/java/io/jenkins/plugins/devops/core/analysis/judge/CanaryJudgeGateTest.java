package io.jenkins.plugins.devops.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.devops.core.analysis.GateFactory;
import io.jenkins.plugins.devops.core.analysis.GateSpec;
import io.jenkins.plugins.devops.core.analysis.SecretResolver;
import io.jenkins.plugins.devops.core.analysis.testing.Contexts;
import io.jenkins.plugins.devops.core.analysis.testing.LocalPrometheus;
import io.jenkins.plugins.devops.core.analysis.testing.TrafficExporter;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.Measurement;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The statistical judge comparing canary with baseline series from a real Prometheus. */
class CanaryJudgeGateTest {
    private static final String NS = "shop";
    private static final String ERROR_RATIO =
            "sum(rate(http_requests_total{service=\"{{service}}\",track=\"{{track}}\","
                    + "status=\"500\"}[2s])) / sum(rate(http_requests_total{service=\"{{service}}\",track=\"{{track}}\"}[2s]))";
    private static final String THROUGHPUT =
            "sum(rate(http_requests_total{service=\"{{service}}\",track=\"{{track}}\"}[2s]))";
    private static TrafficExporter exporter;
    private static LocalPrometheus prometheus;

    @BeforeAll
    static void startPrometheus() throws Exception {
        exporter = new TrafficExporter();
        exporter.set("cart", NS, "stable", 200, 0.02, 0.05);
        exporter.set("cart", NS, "canary", 200, 0.02, 0.05);
        exporter.set("basket", NS, "stable", 200, 0.02, 0.05);
        exporter.set("basket", NS, "canary", 200, 0.25, 0.05);
        prometheus = LocalPrometheus.start(List.of(exporter.target()));
        // The judge samples the last 8 s every 500 ms; wait until that window is full.
        await("10 s of traffic in Prometheus")
                .atMost(Duration.ofSeconds(90))
                .until(() -> prometheus.hasSamples("sum(http_requests_total{service=\"basket\"})", 10, 10));
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

    private static HealthGate judge(List<Map<String, Object>> metrics) {
        Map<String, Object> judge = new HashMap<>(Map.of(
                "type", "canary-judge",
                "name", "canary-judge",
                "metrics", metrics,
                "lookback", "8s",
                "step", "500ms",
                "prometheusUrl", prometheus.url()));
        return new GateFactory(SecretResolver.NONE, HttpClient.newHttpClient())
                .create(GateSpec.fromMaps(List.of(judge), null, null))
                .get(0);
    }

    @Test
    void canaryBehavingLikeTheBaselineScores100AndPasses() throws Exception {
        HealthGate gate = judge(List.of(Map.of("name", "error-ratio", "query", ERROR_RATIO, "direction", "increase")));

        GateResult result = gate.evaluate(Contexts.step("cart", NS), m -> {});

        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
        assertThat(result.reason()).startsWith("canary score 100 reaches the pass score 95");
        assertThat(result.measurements()).extracting(Measurement::metric).containsExactly("error-ratio", "score");
    }

    @Test
    void canaryWithMoreErrorsIsClassifiedHighAndFails() throws Exception {
        HealthGate gate = judge(List.of(Map.of("name", "error-ratio", "query", ERROR_RATIO, "direction", "increase")));

        GateResult result = gate.evaluate(Contexts.step("basket", NS), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.reason())
                .startsWith("canary score 0 is below the marginal score 75")
                .contains("HIGH");
        assertThat(result.measurements().get(0).value()).as("p-value").isLessThan(0.02);
    }

    @Test
    void marginalScoreContinuesAnIntermediateStepButDoesNotPromote() throws Exception {
        // Throughput is equal (passes, weight 4); the error ratio is higher (fails, weight 1): score 80 = marginal.
        List<Map<String, Object>> metrics = List.of(
                Map.of("name", "throughput", "query", THROUGHPUT, "weight", 4),
                Map.of("name", "error-ratio", "query", ERROR_RATIO, "direction", "increase"));
        HealthGate gate = judge(metrics);

        GateResult step = gate.evaluate(Contexts.at(GatePoint.STEP, "basket", NS), m -> {});
        GateResult promotion = gate.evaluate(Contexts.at(GatePoint.CONFIRM_PROMOTION, "basket", NS), m -> {});

        assertThat(step.verdict()).as(step.reason()).isEqualTo(Verdict.PASSED);
        assertThat(step.reason()).startsWith("canary score 80 is marginal").contains("continuing");
        assertThat(promotion.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(promotion.reason()).contains("not enough to promote");
    }

    @Test
    void failedCriticalMetricSetsTheScoreToZeroWhateverTheOthersSay() throws Exception {
        List<Map<String, Object>> metrics = List.of(
                Map.of("name", "throughput", "query", THROUGHPUT, "weight", 100),
                Map.of("name", "error-ratio", "query", ERROR_RATIO, "direction", "increase", "critical", true));

        GateResult result = judge(metrics).evaluate(Contexts.step("basket", NS), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.reason()).startsWith("canary score 0: critical metric failed — error-ratio: HIGH");
    }

    @Test
    void judgementWithoutDataIsInconclusiveAndFailsByDefault() throws Exception {
        HealthGate gate = judge(List.of(Map.of("name", "error-ratio", "query", ERROR_RATIO)));

        GateResult result = gate.evaluate(Contexts.step("unknown", NS), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.reason())
                .startsWith("canary judge inconclusive")
                .contains("no data")
                .contains("inconclusive policy: fail");
    }
}
