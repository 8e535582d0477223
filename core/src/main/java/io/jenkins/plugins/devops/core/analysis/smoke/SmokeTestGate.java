package io.jenkins.plugins.devops.core.analysis.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Runs HTTP smoke checks, one after another, each retried until it passes or its retries are used up. Typically
 * aimed at the blue-green preview or the canary before traffic moves. Every attempt is kept as a measurement whose
 * value is the HTTP status (NaN when there was no response).
 */
public final class SmokeTestGate implements HealthGate {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final List<SmokeCheckSpec> checks;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();

    private final Map<String, String> secrets;

    /**
     * @param secrets the resolved secret of every {@link SmokeCheckSpec#credentialsId()} used by {@code checks};
     *     only ever put into {@code Authorization} headers
     */
    public SmokeTestGate(String name, List<SmokeCheckSpec> checks, HttpClient http, Map<String, String> secrets) {
        this.name = name;
        this.checks = List.copyOf(checks);
        this.http = http;
        this.secrets = Map.copyOf(secrets);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<GatePoint> points() {
        Set<GatePoint> points = EnumSet.noneOf(GatePoint.class);
        checks.forEach(c -> points.addAll(c.points()));
        return points;
    }

    @Override
    public GateResult evaluate(GateContext context, GateProgress progress) throws InterruptedException {
        List<SmokeCheckSpec> due = checks.stream()
                .filter(c -> c.points().contains(context.point()))
                .toList();
        Map<String, String> values = Placeholders.of(context, Track.CANARY);
        List<Measurement> measurements = new ArrayList<>();
        int passed = 0;
        for (SmokeCheckSpec check : due) {
            Attempt last = null;
            for (int attempt = 1; attempt <= check.retries() + 1; attempt++) {
                if (attempt > 1) {
                    Thread.sleep(check.retryInterval().toMillis());
                }
                last = attempt(check, values);
                measurements.add(new Measurement(
                        check.name(),
                        last.time(),
                        last.status(),
                        last.problem() == null ? Verdict.PASSED : Verdict.FAILED,
                        last.describe() + " (attempt " + attempt + " of " + (check.retries() + 1) + ")"));
                if (last.problem() == null) {
                    break;
                }
            }
            if (last != null && last.problem() != null) {
                progress.update("smoke tests " + passed + "/" + due.size() + " passed, " + check.name() + " failed");
                return new GateResult(
                        name,
                        context.point(),
                        context.weight(),
                        Verdict.FAILED,
                        "smoke check " + check.name() + ": " + last.describe() + " after " + (check.retries() + 1)
                                + " attempt(s)",
                        measurements);
            }
            passed++;
            progress.update("smoke tests " + passed + "/" + due.size() + " passed");
        }
        return new GateResult(
                name,
                context.point(),
                context.weight(),
                Verdict.PASSED,
                due.isEmpty() ? "no smoke check runs at " + context.point() : passed + " smoke check(s) passed",
                measurements);
    }

    private record Attempt(Instant time, String request, double status, String problem) {
        String describe() {
            return request + (problem == null ? " answered " + (int) status + " as expected" : " — " + problem);
        }
    }

    private Attempt attempt(SmokeCheckSpec check, Map<String, String> values) throws InterruptedException {
        Instant time = clock.instant();
        String url = Placeholders.render(check.url(), values);
        String request = check.method() + " " + SafeUrl.forDisplay(url);
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(url)).timeout(check.timeout());
        } catch (IllegalArgumentException e) {
            return new Attempt(time, request, Double.NaN, "not a valid URL after filling placeholders");
        }
        check.headers().forEach((key, value) -> builder.header(key, Placeholders.render(value, values)));
        if (!check.credentialsId().isEmpty()) {
            builder.header("Authorization", check.auth().headerValue(secrets.get(check.credentialsId())));
        }
        builder.method(
                check.method(),
                check.body().isEmpty()
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Placeholders.render(check.body(), values)));
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Attempt(
                    time,
                    request,
                    Double.NaN,
                    "no answer within " + check.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Attempt(
                    time,
                    request,
                    Double.NaN,
                    "request failed (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        int status = response.statusCode();
        if (!check.expectedStatus().contains(status)) {
            return new Attempt(
                    time, request, status, "expected status " + describe(check.expectedStatus()) + ", got " + status);
        }
        String body = response.body();
        if (!check.bodyContains().isEmpty() && !body.contains(check.bodyContains())) {
            return new Attempt(time, request, status, "the body does not contain \"" + check.bodyContains() + "\"");
        }
        if (check.jsonPath() != null) {
            String problem = jsonProblem(check, body);
            if (problem != null) {
                return new Attempt(time, request, status, problem);
            }
        }
        return new Attempt(time, request, status, null);
    }

    private static String jsonProblem(SmokeCheckSpec check, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return "the body is not JSON, so " + check.jsonPath() + " cannot be read";
        }
        JsonNode node = root == null ? null : check.jsonPath().select(root);
        if (node == null || node.isMissingNode()) {
            return check.jsonPath() + " is missing from the body";
        }
        String actual = node.isValueNode() ? node.asText() : node.toString();
        if (!matches(node, check.jsonEquals())) {
            return check.jsonPath() + " is \"" + actual + "\", expected \"" + check.jsonEquals() + "\"";
        }
        return null;
    }

    private static boolean matches(JsonNode node, String expected) {
        if (node.isNumber()) {
            try {
                return node.decimalValue().compareTo(new BigDecimal(expected)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return (node.isValueNode() ? node.asText() : node.toString()).equals(expected);
    }

    /** "200", "2xx" or "[200, 3xx]": whole status classes are shown as such. */
    static String describe(Set<Integer> statuses) {
        List<String> parts = new ArrayList<>();
        for (int base = 100; base < 600; base += 100) {
            int from = base;
            if (IntStream.range(from, from + 100).allMatch(statuses::contains)) {
                parts.add(from / 100 + "xx");
            } else {
                statuses.stream()
                        .filter(s -> s >= from && s < from + 100)
                        .sorted()
                        .forEach(s -> parts.add(s.toString()));
            }
        }
        return parts.size() == 1 ? parts.get(0) : parts.toString();
    }
}
