package io.jenkins.plugins.devops.core.analysis.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs PromQL against the Prometheus HTTP API ({@code /api/v1/query} and {@code /api/v1/query_range}). Every
 * problem becomes a {@link QueryOutcome.Inconclusive} with a reason; nothing is thrown but interruption.
 */
public final class PrometheusClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final PrometheusEndpoint endpoint;
    private final String authorization;

    /**
     * @param secret the resolved secret of {@code endpoint.credentialsId()}, or {@code null} for none; it is only
     *     ever put into the {@code Authorization} header
     */
    public PrometheusClient(HttpClient http, PrometheusEndpoint endpoint, String secret) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.authorization =
                secret == null || secret.isEmpty() ? null : endpoint.auth().headerValue(secret);
    }

    public PrometheusEndpoint endpoint() {
        return endpoint;
    }

    /** Evaluates {@code query} at {@code time}; the answer must be one number. */
    public QueryOutcome instant(String query, Instant time) throws InterruptedException {
        String params = "query=" + encode(query) + "&time=" + seconds(time);
        return call("/api/v1/query", params, data -> single(data, query));
    }

    /** Evaluates {@code query} over {@code [start, end]} every {@code step}; the answer must be one series. */
    public QueryOutcome range(String query, Instant start, Instant end, Duration step) throws InterruptedException {
        String params = "query=" + encode(query) + "&start=" + seconds(start) + "&end=" + seconds(end) + "&step="
                + step.toMillis() / 1000.0;
        return call("/api/v1/query_range", params, data -> series(data, query));
    }

    private interface DataReader {
        QueryOutcome read(JsonNode data);
    }

    private QueryOutcome call(String path, String params, DataReader reader) throws InterruptedException {
        URI uri = URI.create(stripSlash(endpoint.url().toString()) + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(params));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return inconclusive("Prometheus at " + endpoint.url() + " did not answer within " + endpoint.timeout());
        } catch (IOException e) {
            return inconclusive("Prometheus at " + endpoint.url() + " is unreachable (" + describe(e) + ")");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return inconclusive("Prometheus at " + endpoint.url() + " refused the query: not authorised, check the"
                    + " credentials (HTTP " + response.statusCode() + ")");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            return inconclusive("Prometheus at " + endpoint.url() + " answered HTTP " + response.statusCode()
                    + " without a JSON body");
        }
        if (body == null || !"success".equals(body.path("status").asText())) {
            String error = body == null
                    ? ""
                    : body.path("errorType").asText("") + ": "
                            + body.path("error").asText("");
            return inconclusive("Prometheus query failed: " + error.strip() + " (HTTP " + response.statusCode() + ")");
        }
        return reader.read(body.path("data"));
    }

    private static QueryOutcome single(JsonNode data, String query) {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        JsonNode value;
        if ("scalar".equals(type)) {
            value = result;
        } else if ("vector".equals(type)) {
            if (result.isEmpty()) {
                return inconclusive("no data: the query returned no series (" + query + ")");
            }
            if (result.size() > 1) {
                return inconclusive("the query returned " + result.size()
                        + " series instead of one; aggregate it, e.g. with sum(...)");
            }
            value = result.get(0).path("value");
        } else {
            return inconclusive("the query returned a " + type + " instead of one number");
        }
        double number = parse(value.path(1).asText());
        if (Double.isNaN(number)) {
            return inconclusive("the query returned NaN (no traffic yet?)");
        }
        return new QueryOutcome.Value(number);
    }

    private static QueryOutcome series(JsonNode data, String query) {
        JsonNode result = data.path("result");
        if (!"matrix".equals(data.path("resultType").asText())) {
            return inconclusive("the range query did not return a matrix");
        }
        if (result.isEmpty()) {
            return inconclusive("no data: the query returned no series (" + query + ")");
        }
        if (result.size() > 1) {
            return inconclusive(
                    "the query returned " + result.size() + " series instead of one; aggregate it, e.g. with sum(...)");
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode point : result.get(0).path("values")) {
            values.add(parse(point.path(1).asText()));
        }
        return new QueryOutcome.Samples(values);
    }

    private static double parse(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN", "" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }

    private static QueryOutcome inconclusive(String reason) {
        return new QueryOutcome.Inconclusive(reason);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String seconds(Instant time) {
        return Long.toString(time.getEpochSecond()) + "." + String.format("%03d", time.getNano() / 1_000_000);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
