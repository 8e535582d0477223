package io.jenkins.plugins.devops.core.dora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Availability from a PromQL query, evaluated at the end of the window. The query may use {@code $service},
 * {@code $environment} and {@code $window} (e.g. {@code 30d}); its result must be one number between 0 and 1:
 *
 * <pre>{@code
 * new PrometheusAvailability(URI.create("http://prometheus:9090"),
 *         "avg_over_time(probe_success{service=\"$service\",env=\"$environment\"}[$window])", Duration.ofSeconds(10))
 * }</pre>
 *
 * <p>When Prometheus cannot answer (unreachable, error, empty result, value out of range) the figure falls back to
 * the ledger's failed-state time and {@link #lastProblem()} says why, so a monitoring outage never breaks a report.
 */
public final class PrometheusAvailability implements AvailabilitySource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String query;
    private final Duration timeout;
    private final HttpClient client;
    private volatile String lastProblem = "";

    public PrometheusAvailability(URI baseUrl, String query, Duration timeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "Prometheus URL '" + baseUrl + "' is not an http(s) URL; use e.g. http://prometheus:9090");
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the availability PromQL query is empty; give a query that returns"
                    + " one value between 0 and 1, e.g. avg_over_time(up{job=\"$service\"}[$window])");
        }
        this.query = query;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public OptionalDouble availability(String service, String environment, Instant from, Instant to) {
        String promql = query.replace("$service", service)
                .replace("$environment", environment)
                .replace("$window", Duration.between(from, to).toSeconds() + "s");
        String url = baseUrl.toString().replaceAll("/+$", "") + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time=" + to.getEpochSecond();
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200
                    || !"success".equals(body.path("status").asText())) {
                return problem("Prometheus answered HTTP " + response.statusCode() + ": "
                        + body.path("error").asText(response.body()));
            }
            JsonNode result = body.path("data").path("result");
            JsonNode value = result.isArray() && result.size() == 1
                    ? result.get(0).path("value").path(1)
                    : null;
            if (body.path("data").path("resultType").asText().equals("scalar")) {
                value = result.path(1);
            }
            if (value == null || value.isMissingNode()) {
                return problem("query '" + promql + "' returned " + result.size()
                        + " series; it must return exactly one value");
            }
            double availability = Double.parseDouble(value.asText());
            if (!(availability >= 0 && availability <= 1)) {
                return problem("query '" + promql + "' returned " + value.asText() + ", not a value between 0 and 1");
            }
            lastProblem = "";
            return OptionalDouble.of(availability);
        } catch (IOException | NumberFormatException e) {
            return problem("Prometheus at " + baseUrl + " could not be asked: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem("interrupted while asking Prometheus");
        }
    }

    private OptionalDouble problem(String message) {
        lastProblem = message;
        return OptionalDouble.empty();
    }

    /** Why the last query fell back to the ledger; empty when it answered. */
    public String lastProblem() {
        return lastProblem;
    }
}
