package io.jenkins.plugins.devops.core.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.analysis.GateFactory;
import io.jenkins.plugins.devops.core.analysis.GateSpec;
import io.jenkins.plugins.devops.core.analysis.http.HttpAuth;
import io.jenkins.plugins.devops.core.analysis.testing.Contexts;
import io.jenkins.plugins.devops.core.analysis.testing.FaultyHttpServer;
import io.jenkins.plugins.devops.core.analysis.testing.FaultyHttpServer.Response;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers a real Prometheus does not give on demand (auth, odd result shapes, errors), served by a local HTTP
 * server speaking the Prometheus API format.
 */
class PrometheusClientTest {
    private static final String TOKEN = "very-secret-token";
    private final FaultyHttpServer server = new FaultyHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private PrometheusClient client(String secret, HttpAuth auth) {
        return new PrometheusClient(
                HttpClient.newHttpClient(),
                new PrometheusEndpoint(URI.create(server.url("/")), "prom", auth, Duration.ofSeconds(5)),
                secret);
    }

    private static Response vector(String... values) {
        StringBuilder result = new StringBuilder();
        for (String value : values) {
            result.append(result.length() == 0 ? "" : ",")
                    .append("{\"metric\":{},\"value\":[1700000000.0,\"")
                    .append(value)
                    .append("\"]}");
        }
        return new Response(
                200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}");
    }

    @Test
    void bearerAndBasicSecretsGoOnlyIntoTheAuthorizationHeader() throws Exception {
        server.on("/api/v1/query", r -> vector("42"));

        QueryOutcome bearer = client(TOKEN, HttpAuth.BEARER).instant("up", Instant.now());
        QueryOutcome basic = client("user:pw", HttpAuth.BASIC).instant("up", Instant.now());

        assertThat(bearer).isEqualTo(new QueryOutcome.Value(42));
        assertThat(basic).isEqualTo(new QueryOutcome.Value(42));
        assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(server.received().get(1).header("Authorization")).isEqualTo("Basic dXNlcjpwdw==");
        String form = URLDecoder.decode(server.received().get(0).bodyText(), StandardCharsets.UTF_8);
        assertThat(form).startsWith("query=up&time=").doesNotContain(TOKEN);
    }

    @Test
    void rejectedCredentialsAreInconclusiveWithoutRevealingTheSecret() throws Exception {
        server.on("/api/v1/query", r -> new Response(401, "Unauthorized"));
        HealthGate gate = new GateFactory(id -> TOKEN, HttpClient.newHttpClient())
                .create(GateSpec.fromMaps(
                        List.of(Map.of(
                                "name", "rate",
                                "template", "request-success-rate",
                                "prometheusUrl", server.url(""),
                                "credentialsId", "prom-token")),
                        null,
                        null))
                .get(0);

        GateResult result = gate.evaluate(Contexts.step("shop", "prod"), m -> {});

        assertThat(result.reason()).contains("not authorised, check the credentials (HTTP 401)");
        assertThat(result.toString()).doesNotContain(TOKEN);
    }

    @Test
    void oddAnswersBecomeInconclusiveWithAReason() throws Exception {
        AtomicReference<Response> next = new AtomicReference<>();
        server.on("/api/v1/query", r -> next.get());
        PrometheusClient client = client(null, HttpAuth.BEARER);

        next.set(vector("1", "2"));
        assertThat(client.instant("q", Instant.now()))
                .isEqualTo(new QueryOutcome.Inconclusive(
                        "the query returned 2 series instead of one; aggregate it, e.g. with sum(...)"));
        next.set(vector("NaN"));
        assertThat(client.instant("q", Instant.now()))
                .isEqualTo(new QueryOutcome.Inconclusive("the query returned NaN (no traffic yet?)"));
        next.set(new Response(
                400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}"));
        assertThat(client.instant("q", Instant.now()))
                .isEqualTo(new QueryOutcome.Inconclusive(
                        "Prometheus query failed: bad_data: parse error at char 5 (HTTP 400)"));
        next.set(new Response(
                200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"0.5\"]}}"));
        assertThat(client.instant("q", Instant.now())).isEqualTo(new QueryOutcome.Value(0.5));
        next.set(new Response(502, "<html>bad gateway</html>"));
        assertThat(client.instant("q", Instant.now()))
                .isEqualTo(new QueryOutcome.Inconclusive(
                        "Prometheus at " + server.url("/") + " answered HTTP 502 without a JSON body"));
    }

    @Test
    void rangeQueryReturnsEverySampleIncludingNaN() throws Exception {
        server.on(
                "/api/v1/query_range",
                r -> new Response(
                        200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
                                + "\"values\":[[1,\"1.5\"],[2,\"NaN\"],[3,\"+Inf\"]]}]}}"));

        QueryOutcome outcome = client(null, HttpAuth.BEARER)
                .range("q", Instant.ofEpochSecond(0), Instant.ofEpochSecond(3), Duration.ofSeconds(1));

        assertThat(outcome).isInstanceOf(QueryOutcome.Samples.class);
        assertThat(((QueryOutcome.Samples) outcome).values())
                .containsExactly(1.5, Double.NaN, Double.POSITIVE_INFINITY);
        assertThat(URLDecoder.decode(server.received().get(0).bodyText(), StandardCharsets.UTF_8))
                .isEqualTo("query=q&start=0.000&end=3.000&step=1.0");
    }

    @Test
    void abortedDeploymentInterruptsAWaitingAnalysis() throws Exception {
        server.on("/api/v1/query", r -> vector("100"));
        HealthGate gate = new GateFactory(id -> null, HttpClient.newHttpClient())
                .create(GateSpec.fromMaps(
                        List.of(Map.of(
                                "name", "rate",
                                "template", "request-success-rate",
                                "count", 5,
                                "interval", "10m",
                                "prometheusUrl", server.url(""))),
                        null,
                        null))
                .get(0);
        CountDownLatch firstMeasurement = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<GateResult> run = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                return gate.evaluate(Contexts.step("shop", "prod"), m -> firstMeasurement.countDown());
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
        });

        assertThat(firstMeasurement.await(30, TimeUnit.SECONDS)).isTrue();
        worker.get().interrupt(); // now waiting 10 minutes for the second measurement

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(InterruptedException.class);
    }
}
