package io.jenkins.plugins.devops.core.analysis.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.devops.core.analysis.http.SafeUrl;
import io.jenkins.plugins.devops.core.analysis.template.Placeholders;
import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateProgress;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.Measurement;
import io.jenkins.plugins.devops.core.gate.Track;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * POSTs a {@link WebhookPayload} at each configured gate point, Flagger style: 2xx passes, any other status, a
 * timeout or a refused connection fails. With a secret the body is signed (see {@link HmacSigner}).
 */
public final class WebhookGate implements HealthGate {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final WebhookSpec spec;
    private final HttpClient http;
    private final HmacSigner signer;
    private final Clock clock;

    /** @param secret the resolved signing secret, or {@code null} to send unsigned */
    public WebhookGate(WebhookSpec spec, HttpClient http, String secret) {
        this(spec, http, secret, Clock.systemUTC());
    }

    WebhookGate(WebhookSpec spec, HttpClient http, String secret, Clock clock) {
        this.spec = spec;
        this.http = http;
        this.signer = secret == null || secret.isEmpty() ? null : new HmacSigner(secret);
        this.clock = clock;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Set<GatePoint> points() {
        return spec.points();
    }

    @Override
    public GateResult evaluate(GateContext context, GateProgress progress) throws InterruptedException {
        if (!spec.points().contains(context.point())) {
            return GateResult.passed(name(), context, "webhook is not called at " + context.point());
        }
        String url = Placeholders.render(spec.url(), Placeholders.of(context, Track.CANARY));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return GateResult.failed(
                    name(), context, "webhook " + spec.name() + ": the URL is not valid after filling placeholders");
        }
        List<Measurement> measurements = new ArrayList<>();
        String problem = null;
        for (int attempt = 1; attempt <= spec.retries() + 1; attempt++) {
            Instant now = clock.instant();
            byte[] body = body(WebhookPayload.of(spec, context, now));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(spec.timeout())
                    .header("Content-Type", "application/json")
                    .header("X-Devops-Event", WebhookPayload.phase(context.point()))
                    .header("X-Devops-Delivery", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (signer != null) {
                request.header(HmacSigner.HEADER, signer.sign(body));
            }
            double status = Double.NaN;
            try {
                HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                problem = status >= 200 && status < 300 ? null : "answered HTTP " + response.statusCode();
            } catch (HttpTimeoutException e) {
                problem = "did not answer within " + spec.timeout().toMillis() + " ms";
            } catch (IOException e) {
                problem = "could not be reached (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            }
            String note = "POST " + SafeUrl.forDisplay(url) + " "
                    + (problem == null ? "answered HTTP " + (int) status : problem) + " (attempt " + attempt + " of "
                    + (spec.retries() + 1) + ")";
            measurements.add(
                    new Measurement(spec.name(), now, status, problem == null ? Verdict.PASSED : Verdict.FAILED, note));
            progress.update("webhook " + spec.name() + ": " + note);
            if (problem == null) {
                return new GateResult(
                        name(),
                        context.point(),
                        context.weight(),
                        Verdict.PASSED,
                        "webhook " + spec.name() + " " + note,
                        measurements);
            }
        }
        return new GateResult(
                name(),
                context.point(),
                context.weight(),
                Verdict.FAILED,
                "webhook " + spec.name() + " at " + SafeUrl.forDisplay(url) + " " + problem,
                measurements);
    }

    private static byte[] body(WebhookPayload payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
