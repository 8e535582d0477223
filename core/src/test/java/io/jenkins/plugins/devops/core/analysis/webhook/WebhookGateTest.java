package io.jenkins.plugins.devops.core.analysis.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devops.core.analysis.GateFactory;
import io.jenkins.plugins.devops.core.analysis.GateSpec;
import io.jenkins.plugins.devops.core.analysis.testing.Contexts;
import io.jenkins.plugins.devops.core.analysis.testing.FaultyHttpServer;
import io.jenkins.plugins.devops.core.analysis.testing.FaultyHttpServer.Received;
import io.jenkins.plugins.devops.core.analysis.testing.FaultyHttpServer.Response;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook gates against a real local receiver that checks the HMAC-SHA256 signature itself. */
class WebhookGateTest {
    private static final String SECRET = "s3cr3t-hook-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FaultyHttpServer receiver = new FaultyHttpServer()
            .on("/hook", WebhookGateTest::verifySignature)
            .on("/error", r -> new Response(500, ""))
            .slow("/slow");

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** The receiver's side, written from the documented scheme, not with the code under test. */
    private static Response verifySignature(Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        return expected.equals(request.header("X-devops-signature-256"))
                ? new Response(200, "")
                : new Response(401, "");
    }

    private static HealthGate gate(Map<String, Object> webhook) {
        Map<String, String> credentials = Map.of("hook-secret", SECRET, "wrong-secret", "not-the-key");
        return new GateFactory(credentials::get, HttpClient.newHttpClient())
                .create(GateSpec.fromMaps(null, null, List.of(webhook)))
                .get(0);
    }

    private static Map<String, Object> hook(String url, Object... more) {
        Map<String, Object> hook = new HashMap<>(Map.of("name", "load-test", "url", url));
        for (int i = 0; i < more.length; i += 2) {
            hook.put((String) more[i], more[i + 1]);
        }
        return hook;
    }

    @Test
    void signedPayloadIsVerifiedByTheReceiverAndPasses() throws Exception {
        HealthGate gate = gate(
                hook(receiver.url("/hook"), "credentialsId", "hook-secret", "metadata", Map.of("team", "payments")));

        GateResult result = gate.evaluate(Contexts.step("checkout", "shop"), m -> {});

        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
        Received request = receiver.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-type")).isEqualTo("application/json");
        assertThat(request.header("X-devops-event")).isEqualTo("step");
        JsonNode payload = JSON.readTree(request.body());
        assertThat(payload.path("service").asText()).isEqualTo("checkout");
        assertThat(payload.path("environment").asText()).isEqualTo("staging");
        assertThat(payload.path("namespace").asText()).isEqualTo("shop");
        assertThat(payload.path("revision").asText()).isEqualTo("v2");
        assertThat(payload.path("phase").asText()).isEqualTo("step");
        assertThat(payload.path("weight").asInt()).isEqualTo(20);
        assertThat(payload.path("metadata").path("team").asText()).isEqualTo("payments");
        assertThat(payload.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(result.toString()).doesNotContain(SECRET);
    }

    @Test
    void signatureWithTheWrongSecretIsRejectedAndFailsTheGate() throws Exception {
        HealthGate gate = gate(hook(receiver.url("/hook"), "credentialsId", "wrong-secret"));

        GateResult result = gate.evaluate(Contexts.step("checkout", "shop"), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.reason()).isEqualTo("webhook load-test at " + receiver.url("/hook") + " answered HTTP 401");
    }

    @Test
    void webhookWithoutSecretIsSentUnsigned() throws Exception {
        GateResult result = gate(hook(receiver.url("/hook"))).evaluate(Contexts.step("checkout", "shop"), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED); // our receiver insists on a signature
        assertThat(receiver.received().get(0).header("X-devops-signature-256")).isNull();
    }

    @Test
    void payloadNamesEachPointItIsCalledAt() throws Exception {
        HealthGate gate = gate(hook(
                receiver.url("/hook"),
                "credentialsId",
                "hook-secret",
                "points",
                List.of("pre-rollout", "step", "confirm-promotion", "post-rollout", "rollback")));

        for (GatePoint point : GatePoint.values()) {
            assertThat(gate.evaluate(Contexts.at(point, "checkout", "shop"), m -> {})
                            .verdict())
                    .isEqualTo(Verdict.PASSED);
        }

        assertThat(receiver.received())
                .extracting(r -> JSON.readTree(r.body()).path("phase").asText())
                .containsExactly("pre-rollout", "step", "confirm-promotion", "post-rollout", "rollback");
    }

    @Test
    void serverErrorSlowAnswerAndRefusedConnectionFail() throws Exception {
        GateResult error = gate(hook(receiver.url("/error"))).evaluate(Contexts.step("a", "b"), m -> {});
        GateResult slow =
                gate(hook(receiver.url("/slow"), "timeout", "300ms")).evaluate(Contexts.step("a", "b"), m -> {});
        String refusedUrl = FaultyHttpServer.refusedUrl("/hook");
        GateResult refused = gate(hook(refusedUrl)).evaluate(Contexts.step("a", "b"), m -> {});

        assertThat(error.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(error.reason()).endsWith("answered HTTP 500");
        assertThat(slow.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(slow.reason()).endsWith("did not answer within 300 ms");
        assertThat(refused.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(refused.reason()).contains("could not be reached (ConnectException");
    }

    @Test
    void retryAfterAFailedCallCanPass() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver.on("/flaky", r -> calls.incrementAndGet() == 1 ? new Response(502, "") : new Response(202, ""));

        GateResult result = gate(hook(receiver.url("/flaky"), "retries", 1)).evaluate(Contexts.step("a", "b"), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.measurements()).extracting(m -> m.value()).containsExactly(502.0, 202.0);
    }

    @Test
    void tokensInTheUrlQueryStayOutOfTheResult() throws Exception {
        GateResult result =
                gate(hook(receiver.url("/error") + "?token=abc123")).evaluate(Contexts.step("a", "b"), m -> {});

        assertThat(result.toString()).doesNotContain("abc123").contains("/error?…");
    }

    @Test
    void signerVerifiesWhatItSignedAndRejectsTampering() {
        HmacSigner signer = new HmacSigner(SECRET);
        byte[] body = "{\"phase\":\"step\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(signer.verify(body, signer.sign(body))).isTrue();
        assertThat(signer.verify("{\"phase\":\"rollback\"}".getBytes(StandardCharsets.UTF_8), signer.sign(body)))
                .isFalse();
        assertThat(signer.toString()).doesNotContain(SECRET);
    }
}
