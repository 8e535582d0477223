package io.jenkins.plugins.devops.core.analysis.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.analysis.GateFactory;
import io.jenkins.plugins.devops.core.analysis.GateSpec;
import io.jenkins.plugins.devops.core.analysis.SecretResolver;
import io.jenkins.plugins.devops.core.analysis.testing.Contexts;
import io.jenkins.plugins.devops.core.analysis.testing.FaultyHttpServer;
import io.jenkins.plugins.devops.core.analysis.testing.FaultyHttpServer.Response;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.Measurement;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Smoke checks against a real local HTTP server that misbehaves on purpose. */
class SmokeTestGateTest {
    private static final String TOKEN = "smoke-secret-token";
    private static final String HEALTH = "{\"status\":\"UP\",\"build\":{\"version\":\"v2\",\"replicas\":3},"
            + "\"checks\":[{\"name\":\"db\",\"status\":\"UP\"}]}";
    private final FaultyHttpServer server = new FaultyHttpServer()
            .on("/health", r -> new Response(200, HEALTH))
            .on("/down", r -> new Response(200, "{\"status\":\"DOWN\"}"))
            .on("/error", r -> new Response(500, "{\"error\":\"boom\"}"))
            .on("/maintenance", r -> new Response(200, "<html>maintenance</html>"))
            .on("/revision", r -> "v2".equals(r.header("X-revision")) ? new Response(204, "") : new Response(400, ""))
            .slow("/slow");

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static HealthGate gate(List<Map<String, Object>> checks) {
        return new GateFactory(SecretResolver.NONE, HttpClient.newHttpClient())
                .create(GateSpec.fromMaps(null, checks, null))
                .get(0);
    }

    private static Map<String, Object> check(String name, String url, Object... more) {
        Map<String, Object> check = new HashMap<>(Map.of("name", name, "url", url));
        for (int i = 0; i < more.length; i += 2) {
            check.put((String) more[i], more[i + 1]);
        }
        return check;
    }

    @Test
    void healthyServicePassesStatusBodyAndJsonPathChecks() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        HealthGate gate = gate(List.of(
                check("status", server.url("/health"), "expectedStatus", 200, "bodyContains", "UP"),
                check(
                        "version",
                        server.url("/health"),
                        "jsonPath",
                        "$.build.version",
                        "equals",
                        "{{revision}}".replace("{{revision}}", "v2")),
                check("replicas", server.url("/health"), "jsonPath", "$.build.replicas", "equals", "3.0"),
                check("db", server.url("/health"), "jsonPath", "$.checks[0].status", "equals", "UP"),
                check(
                        "revision header",
                        server.url("/revision"),
                        "headers",
                        Map.of("X-Revision", "{{revision}}"),
                        "expectedStatus",
                        "2xx")));

        GateResult result = gate.evaluate(Contexts.step("shop", "prod"), progress::add);

        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
        assertThat(result.measurements()).hasSize(5).allMatch(m -> m.verdict() == Verdict.PASSED);
        assertThat(result.measurements().get(4).value()).isEqualTo(204.0);
        assertThat(progress).last().isEqualTo("smoke tests 5/5 passed");
    }

    @Test
    void postSendsItsBodyAndAcceptsTheListedStatus() throws Exception {
        server.on(
                "/orders",
                r -> r.method().equals("POST") && r.bodyText().equals("{\"dryRun\":true,\"rev\":\"v2\"}")
                        ? new Response(201, "{\"id\":7}")
                        : new Response(400, ""));
        HealthGate gate = gate(List.of(check(
                "order",
                server.url("/orders"),
                "method",
                "post",
                "body",
                "{\"dryRun\":true,\"rev\":\"{{revision}}\"}",
                "expectedStatus",
                List.of(201, 202),
                "jsonPath",
                "$.id",
                "equals",
                "7")));

        GateResult result = gate.evaluate(Contexts.step("shop", "prod"), m -> {});

        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
        assertThat(result.measurements().get(0).value()).isEqualTo(201.0);
    }

    @Test
    void credentialsGoIntoTheAuthorizationHeaderAndNeverIntoTheResult() throws Exception {
        server.on(
                "/private",
                r -> ("Bearer " + TOKEN).equals(r.header("Authorization"))
                        ? new Response(200, "ok")
                        : new Response(401, ""));
        List<Map<String, Object>> checks =
                List.of(check("private", server.url("/private") + "?key=abc123", "credentialsId", "smoke-token"));
        HealthGate gate = new GateFactory(Map.of("smoke-token", TOKEN)::get, HttpClient.newHttpClient())
                .create(GateSpec.fromMaps(null, checks, null))
                .get(0);

        GateResult result = gate.evaluate(Contexts.step("shop", "prod"), m -> {});

        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
        assertThat(result.toString())
                .doesNotContain(TOKEN)
                .doesNotContain("abc123")
                .contains("/private?…");
    }

    @Test
    void serverErrorFailsAfterEveryRetryNamingTheStatus() throws Exception {
        HealthGate gate = gate(List.of(check("api", server.url("/error"), "retries", 2, "retryInterval", "10ms")));

        GateResult result = gate.evaluate(Contexts.step("shop", "prod"), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.measurements()).hasSize(3).allSatisfy(m -> assertThat(m.value())
                .isEqualTo(500.0));
        assertThat(result.reason())
                .isEqualTo("smoke check api: GET " + server.url("/error")
                        + " — expected status 2xx, got 500 after 3 attempt(s)");
    }

    @Test
    void flakyEndpointPassesOnceARetrySucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/flaky", r -> calls.incrementAndGet() <= 2 ? new Response(503, "") : new Response(200, "ok"));
        HealthGate gate = gate(List.of(check("flaky", server.url("/flaky"), "retries", 3, "retryInterval", "10ms")));

        GateResult result = gate.evaluate(Contexts.step("shop", "prod"), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.measurements())
                .extracting(Measurement::verdict)
                .containsExactly(Verdict.FAILED, Verdict.FAILED, Verdict.PASSED);
        assertThat(calls).hasValue(3);
    }

    @Test
    void slowResponseFailsOnItsTimeout() throws Exception {
        HealthGate gate = gate(List.of(check("slow", server.url("/slow"), "timeout", "300ms")));

        GateResult result = gate.evaluate(Contexts.step("shop", "prod"), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.reason()).contains("no answer within 300 ms");
        assertThat(result.measurements().get(0).value()).isNaN();
    }

    @Test
    void refusedConnectionFails() throws Exception {
        String url = FaultyHttpServer.refusedUrl("/health");
        HealthGate gate = gate(List.of(check("gone", url)));

        GateResult result = gate.evaluate(Contexts.step("shop", "prod"), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.reason()).contains("GET " + url).contains("request failed (ConnectException");
    }

    @Test
    void wrongBodiesFailWithWhatWasExpected() throws Exception {
        GateResult text = gate(List.of(check("page", server.url("/maintenance"), "bodyContains", "Welcome")))
                .evaluate(Contexts.step("shop", "prod"), m -> {});
        GateResult json = gate(List.of(check("status", server.url("/down"), "jsonPath", "$.status", "equals", "UP")))
                .evaluate(Contexts.step("shop", "prod"), m -> {});
        GateResult notJson = gate(List.of(
                        check("status", server.url("/maintenance"), "jsonPath", "$.status", "equals", "UP")))
                .evaluate(Contexts.step("shop", "prod"), m -> {});
        GateResult missing = gate(List.of(
                        check("version", server.url("/health"), "jsonPath", "$.build.commit", "equals", "abc")))
                .evaluate(Contexts.step("shop", "prod"), m -> {});

        assertThat(List.of(text, json, notJson, missing)).allMatch(r -> r.verdict() == Verdict.FAILED);
        assertThat(text.reason()).contains("the body does not contain \"Welcome\"");
        assertThat(json.reason()).contains("$.status is \"DOWN\", expected \"UP\"");
        assertThat(notJson.reason()).contains("the body is not JSON");
        assertThat(missing.reason()).contains("$.build.commit is missing from the body");
    }

    @Test
    void checksRunOnlyAtTheirPointsAndUrlsFillPlaceholders() throws Exception {
        server.on("/svc/shop/v2", r -> new Response(200, "ok"));
        HealthGate gate = gate(List.of(
                check("preview", server.url("/svc/{{service}}/{{revision}}"), "points", List.of("pre-rollout"))));

        GateResult atStep = gate.evaluate(Contexts.step("shop", "prod"), m -> {});
        GateResult atPre = gate.evaluate(Contexts.at(GatePoint.PRE_ROLLOUT, "shop", "prod"), m -> {});

        assertThat(gate.points()).containsExactly(GatePoint.PRE_ROLLOUT);
        assertThat(atStep.measurements()).isEmpty();
        assertThat(atPre.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(server.received())
                .extracting(FaultyHttpServer.Received::path)
                .containsExactly("/svc/shop/v2");
    }
}
