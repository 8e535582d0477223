package io.jenkins.plugins.devops.core.analysis;

import io.jenkins.plugins.devops.core.analysis.approval.ApprovalSpec;
import io.jenkins.plugins.devops.core.analysis.http.HttpAuth;
import io.jenkins.plugins.devops.core.analysis.smoke.JsonPath;
import io.jenkins.plugins.devops.core.analysis.smoke.SmokeCheckSpec;
import io.jenkins.plugins.devops.core.analysis.webhook.WebhookSpec;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** Reads smoke checks, webhooks and the approval setting from the user's maps. See docs/analysis.md. */
final class CheckSettingsReader {
    /** Headers Java's HTTP client refuses to take from callers. */
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final List<String> SMOKE_KEYS = List.of(
            "name",
            "url",
            "method",
            "headers",
            "body",
            "expectedStatus",
            "bodyContains",
            "jsonPath",
            "equals",
            "retries",
            "retryInterval",
            "timeout",
            "points",
            "credentialsId",
            "auth");
    private static final List<String> WEBHOOK_KEYS =
            List.of("name", "url", "points", "timeout", "retries", "credentialsId", "metadata");
    private static final List<String> APPROVAL_KEYS =
            List.of("environments", "point", "message", "approvers", "timeout");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private CheckSettingsReader() {}

    static SmokeCheckSpec smoke(String label, Map<String, Object> item) {
        Settings s = new Settings(label, item, SMOKE_KEYS);
        String url = s.url("url", "http://{{service}}.{{namespace}}.svc:8080/health");
        String name = s.string("name", url);
        String method = s.string("method", "GET").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw s.error("'method' must be one of "
                    + String.join(", ", METHODS.stream().sorted().toList()));
        }
        Set<Integer> statuses = new LinkedHashSet<>();
        for (String code : s.strings("expectedStatus")) {
            if (code.matches("[1-5]xx")) {
                int base = (code.charAt(0) - '0') * 100;
                IntStream.range(base, base + 100).forEach(statuses::add);
            } else if (code.matches("[1-5]\\d\\d")) {
                statuses.add(Integer.parseInt(code));
            } else {
                throw s.error("'expectedStatus' must be status codes such as 200 or classes such as 2xx, found '" + code
                        + "'");
            }
        }
        if (statuses.isEmpty()) {
            IntStream.range(200, 300).forEach(statuses::add);
        }
        JsonPath path = null;
        String equals = null;
        if (s.has("jsonPath") || s.has("equals")) {
            if (!s.has("jsonPath") || !s.has("equals")) {
                throw s.error("'jsonPath' and 'equals' go together, e.g. jsonPath: $.status, equals: UP");
            }
            try {
                path = JsonPath.parse(s.string("jsonPath", ""));
            } catch (IllegalArgumentException e) {
                throw s.error("'jsonPath': " + e.getMessage());
            }
            equals = s.string("equals", "");
        }
        Map<String, String> headers = s.stringMap("headers");
        HttpAuth auth = HttpAuth.parse(s.string("auth", "bearer"));
        if (auth == null) {
            throw s.error("'auth' must be bearer (token) or basic (username:password)");
        }
        if (s.has("auth") && !s.has("credentialsId")) {
            throw s.error("'auth' needs 'credentialsId' naming the secret to send");
        }
        for (String header : headers.keySet()) {
            if (RESTRICTED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
                throw s.error("the header '" + header + "' is set by the HTTP client itself; remove it from 'headers'");
            }
        }
        if (!s.has("credentialsId") && headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))) {
            throw s.error("do not write secrets into 'headers'; put them into credentials and set 'credentialsId'");
        }
        headers.forEach((k, v) -> s.placeholders("headers." + k, v));
        String body = s.string("body", "");
        s.placeholders("body", body);
        return new SmokeCheckSpec(
                name,
                method,
                url,
                headers,
                body,
                statuses,
                s.string("bodyContains", ""),
                path,
                equals,
                s.integer("retries", 0, 0),
                s.duration("retryInterval", Duration.ofSeconds(1), false),
                s.duration("timeout", Duration.ofSeconds(10), true),
                s.points("points", EnumSet.of(GatePoint.STEP)),
                s.string("credentialsId", ""),
                auth);
    }

    static WebhookSpec webhook(String label, Map<String, Object> item) {
        Settings s = new Settings(label, item, WEBHOOK_KEYS);
        String name = s.requiredString("name", "load-test");
        return new WebhookSpec(
                name,
                s.url("url", "https://hooks.example.com/deploy"),
                s.points("points", EnumSet.of(GatePoint.STEP)),
                s.duration("timeout", Duration.ofSeconds(10), true),
                s.integer("retries", 0, 0),
                s.string("credentialsId", ""),
                s.stringMap("metadata"));
    }

    static ApprovalSpec approval(Map<String, Object> item) {
        Settings s = new Settings("approval", item, APPROVAL_KEYS);
        Set<GatePoint> points = s.points("point", EnumSet.of(GatePoint.CONFIRM_PROMOTION));
        if (points.size() != 1) {
            throw s.error("'point' must be a single gate point, e.g. confirm-promotion");
        }
        GatePoint point = points.iterator().next();
        if (point == GatePoint.POST_ROLLOUT || point == GatePoint.ROLLBACK) {
            throw s.error(
                    "approval at " + point + " comes too late to stop anything; use pre-rollout or confirm-promotion");
        }
        String message = s.string("message", "Promote {{service}} {{revision}} to {{environment}}?");
        s.placeholders("message", message);
        return new ApprovalSpec(
                new LinkedHashSet<>(s.strings("environments")),
                point,
                message,
                new LinkedHashSet<>(s.strings("approvers")),
                s.duration("timeout", Duration.ofHours(1), true));
    }
}
