package io.jenkins.plugins.devops.core.analysis;

import io.jenkins.plugins.devops.core.analysis.approval.ApprovalSpec;
import io.jenkins.plugins.devops.core.analysis.judge.CanaryJudgeSpec;
import io.jenkins.plugins.devops.core.analysis.judge.Direction;
import io.jenkins.plugins.devops.core.analysis.judge.JudgeMetricSpec;
import io.jenkins.plugins.devops.core.analysis.prometheus.InconclusivePolicy;
import io.jenkins.plugins.devops.core.analysis.prometheus.MetricAnalysisSpec;
import io.jenkins.plugins.devops.core.analysis.prometheus.MetricTemplate;
import io.jenkins.plugins.devops.core.analysis.prometheus.PrometheusAuth;
import io.jenkins.plugins.devops.core.analysis.prometheus.PrometheusEndpoint;
import io.jenkins.plugins.devops.core.analysis.prometheus.Threshold;
import io.jenkins.plugins.devops.core.analysis.smoke.JsonPath;
import io.jenkins.plugins.devops.core.analysis.smoke.SmokeCheckSpec;
import io.jenkins.plugins.devops.core.analysis.webhook.WebhookSpec;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.Track;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** Reads the user's maps into gate specs, checking every setting. See docs/analysis.md for the settings. */
final class GateSpecParser {
    private static final List<String> ENDPOINT_KEYS = List.of("prometheusUrl", "credentialsId", "auth", "queryTimeout");
    private static final List<String> INCONCLUSIVE_KEYS =
            List.of("inconclusive", "inconclusiveRetries", "inconclusiveRetryInterval");
    private static final List<String> TEMPLATE_KEYS =
            List.of("template", "query", "metricName", "statusLabel", "selector", "window");
    private static final List<String> METRIC_KEYS = concat(
            List.of(
                    "type",
                    "name",
                    "min",
                    "max",
                    "interval",
                    "count",
                    "initialDelay",
                    "failureLimit",
                    "consecutiveSuccessLimit",
                    "track",
                    "points"),
            TEMPLATE_KEYS,
            ENDPOINT_KEYS,
            INCONCLUSIVE_KEYS);
    private static final List<String> JUDGE_KEYS = concat(
            List.of(
                    "type",
                    "name",
                    "metrics",
                    "confidence",
                    "passScore",
                    "marginalScore",
                    "delay",
                    "lookback",
                    "step",
                    "points"),
            ENDPOINT_KEYS,
            INCONCLUSIVE_KEYS);
    private static final List<String> JUDGE_METRIC_KEYS = concat(
            List.of(
                    "name",
                    "direction",
                    "critical",
                    "mustHaveData",
                    "weight",
                    "allowedIncrease",
                    "allowedDecrease",
                    "nanStrategy"),
            TEMPLATE_KEYS);
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
            "points");
    private static final List<String> WEBHOOK_KEYS =
            List.of("name", "url", "points", "timeout", "retries", "credentialsId", "metadata");
    private static final List<String> APPROVAL_KEYS =
            List.of("environments", "point", "message", "approvers", "timeout");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private GateSpecParser() {}

    static GateSpec parse(
            List<Map<String, Object>> analysis,
            List<Map<String, Object>> smokeTests,
            List<Map<String, Object>> webhooks,
            Map<String, Object> approval) {
        List<MetricAnalysisSpec> metrics = new ArrayList<>();
        List<CanaryJudgeSpec> judges = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Map<String, Object>> items = nullToEmpty(analysis);
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            Object type = item == null ? null : item.get("type");
            String label = label("analysis", i, item);
            if (type == null || "threshold".equals(type)) {
                metrics.add(
                        unique(names, metric(new Settings(label, item, METRIC_KEYS)), MetricAnalysisSpec::name, label));
            } else if ("canary-judge".equals(type)) {
                judges.add(unique(names, judge(new Settings(label, item, JUDGE_KEYS)), CanaryJudgeSpec::name, label));
            } else {
                throw new InvalidGateConfigurationException(
                        label + ": unknown type '" + type + "'; use threshold (the default) or canary-judge");
            }
        }
        List<Map<String, Object>> smokeItems = nullToEmpty(smokeTests);
        List<SmokeCheckSpec> smoke = IntStream.range(0, smokeItems.size())
                .mapToObj(i ->
                        smoke(new Settings(label("smokeTests", i, smokeItems.get(i)), smokeItems.get(i), SMOKE_KEYS)))
                .toList();
        List<Map<String, Object>> hookItems = nullToEmpty(webhooks);
        List<WebhookSpec> hooks = new ArrayList<>();
        for (int i = 0; i < hookItems.size(); i++) {
            String label = label("webhooks", i, hookItems.get(i));
            hooks.add(unique(
                    names, webhook(new Settings(label, hookItems.get(i), WEBHOOK_KEYS)), WebhookSpec::name, label));
        }
        ApprovalSpec approvalSpec =
                approval == null ? null : approval(new Settings("approval", approval, APPROVAL_KEYS));
        return new GateSpec(metrics, judges, smoke, hooks, approvalSpec);
    }

    private static MetricAnalysisSpec metric(Settings s) {
        String name = s.requiredString("name", "error-rate");
        MetricTemplate template = template(s);
        String query = query(s, template, false);
        Double min = s.number("min");
        Double max = s.number("max");
        if (min == null && max == null) {
            if (template == null) {
                throw s.error("needs a success condition; set min, max or both (e.g. min: 99)");
            }
            min = template.defaultMin();
            max = template.defaultMax();
        }
        if (min != null && max != null && max < min) {
            throw s.error("max " + max + " is below min " + min + "; a value could never pass — swap them or fix one");
        }
        int count = s.integer("count", 1, 1);
        Duration interval = s.duration("interval", Duration.ofSeconds(30), count > 1);
        Track track = track(s);
        return new MetricAnalysisSpec(
                name,
                query,
                new Threshold(min, max),
                interval,
                count,
                s.duration("initialDelay", Duration.ZERO, false),
                s.integer("failureLimit", 0, 0),
                s.integer("consecutiveSuccessLimit", 0, 0),
                inconclusive(s, interval),
                track,
                endpoint(s),
                s.points("points", EnumSet.of(GatePoint.STEP)));
    }

    private static CanaryJudgeSpec judge(Settings s) {
        String name = s.requiredString("name", "canary-judge");
        List<Map<String, Object>> items = s.maps("metrics");
        if (items.isEmpty()) {
            throw s.error(
                    "'metrics' is empty; list the metrics to compare, e.g. metrics: [{template: request-success-rate}]");
        }
        List<JudgeMetricSpec> metrics = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String label = s.item() + " metrics[" + i + "]";
            Settings m = new Settings(label, items.get(i), JUDGE_METRIC_KEYS);
            metrics.add(unique(names, judgeMetric(m), JudgeMetricSpec::name, label));
        }
        double pass = s.number("passScore", 95, 0, 100);
        double marginal = s.number("marginalScore", 75, 0, 100);
        if (marginal > pass) {
            throw s.error("marginalScore " + marginal + " is above passScore " + pass
                    + "; the marginal band lies below the pass score");
        }
        Duration step = s.duration("step", Duration.ofSeconds(15), true);
        Duration lookback = s.duration("lookback", Duration.ofMinutes(5), true);
        if (lookback.compareTo(step.multipliedBy(2)) < 0) {
            throw s.error("lookback " + lookback.toMillis() + " ms gives fewer than 2 samples at step "
                    + step.toMillis() + " ms; make lookback several times the step");
        }
        double confidence = s.number("confidence", 0.98, 0.5, 0.9999);
        return new CanaryJudgeSpec(
                name,
                metrics,
                confidence,
                pass,
                marginal,
                s.duration("delay", Duration.ZERO, false),
                lookback,
                step,
                inconclusive(s, step),
                endpoint(s),
                s.points("points", EnumSet.of(GatePoint.STEP, GatePoint.CONFIRM_PROMOTION)));
    }

    private static JudgeMetricSpec judgeMetric(Settings s) {
        MetricTemplate template = template(s);
        String name = template != null && !s.has("name") ? template.id() : s.requiredString("name", "error-rate");
        String query = query(s, template, true);
        Direction direction = template == MetricTemplate.REQUEST_SUCCESS_RATE
                ? Direction.DECREASE
                : template == MetricTemplate.REQUEST_DURATION ? Direction.INCREASE : Direction.EITHER;
        if (s.has("direction")) {
            direction = Direction.parse(s.string("direction", ""));
            if (direction == null) {
                throw s.error("'direction' must be increase, decrease or either (which change of the canary is bad)");
            }
        }
        String nan = s.string("nanStrategy", "remove");
        if (!nan.equals("remove") && !nan.equals("replace")) {
            throw s.error("'nanStrategy' must be remove (drop NaN samples) or replace (count them as 0)");
        }
        double weight = s.number("weight", 1, 0.0001, 1_000_000);
        double allowedIncrease = s.number("allowedIncrease", 1, 1, 1_000_000);
        double allowedDecrease = s.number("allowedDecrease", 1, 0, 1);
        return new JudgeMetricSpec(
                name,
                query,
                direction,
                s.bool("critical", false),
                s.bool("mustHaveData", false),
                weight,
                allowedIncrease,
                allowedDecrease,
                nan.equals("replace"));
    }

    private static MetricTemplate template(Settings s) {
        if (!s.has("template")) {
            return null;
        }
        String id = s.string("template", "");
        MetricTemplate template = MetricTemplate.byId(id);
        if (template == null) {
            throw s.error("unknown template '" + id + "'" + Settings.suggestion(id, MetricTemplate.ids())
                    + "; built-in templates: " + String.join(", ", MetricTemplate.ids()) + " (or write a query)");
        }
        return template;
    }

    private static String query(Settings s, MetricTemplate template, boolean needsTrack) {
        String query;
        if (template != null) {
            if (s.has("query")) {
                throw s.error("set either 'template' or 'query', not both");
            }
            MetricTemplate.TemplateSettings defaults = MetricTemplate.TemplateSettings.defaults(template);
            String selector = s.string(
                    "selector", needsTrack ? defaults.selector() + ",track=\"{{track}}\"" : defaults.selector());
            String window = s.string("window", defaults.window());
            if (!window.matches("\\d+(ms|s|m|h|d)")) {
                throw s.error("'window' must be a PromQL duration such as 30s, 1m or 5m, was '" + window + "'");
            }
            query = template.query(new MetricTemplate.TemplateSettings(
                    s.string("metricName", defaults.metricName()),
                    s.string("statusLabel", defaults.statusLabel()),
                    selector,
                    window));
        } else {
            for (String key : List.of("metricName", "statusLabel", "selector", "window")) {
                if (s.has(key)) {
                    throw s.error("'" + key + "' only applies to a template; put it into the query instead");
                }
            }
            query = s.string("query", "");
            if (query.isBlank()) {
                throw s.error("the query is empty; set 'query' to PromQL (e.g. sum(rate(http_requests_total"
                        + "{service=\"{{service}}\"}[1m]))) or use a template: "
                        + String.join(", ", MetricTemplate.ids()));
            }
        }
        s.placeholders(template == null ? "query" : "selector", query);
        if (needsTrack && !query.contains("{{track}}") && !query.contains("{{ track }}")) {
            throw s.error("the canary judge asks the query once for the canary and once for the baseline, so it must"
                    + " contain {{track}} (e.g. in a label matcher track=\"{{track}}\")");
        }
        return query.strip();
    }

    private static Track track(Settings s) {
        String track = s.string("track", "canary").toLowerCase(Locale.ROOT);
        return switch (track) {
            case "canary" -> Track.CANARY;
            case "stable" -> Track.STABLE;
            default -> throw s.error("'track' must be canary or stable, was '" + track + "'");
        };
    }

    private static InconclusivePolicy inconclusive(Settings s, Duration interval) {
        String mode = s.string("inconclusive", "fail").toLowerCase(Locale.ROOT);
        InconclusivePolicy.Mode parsed =
                switch (mode) {
                    case "fail" -> InconclusivePolicy.Mode.FAIL;
                    case "pass" -> InconclusivePolicy.Mode.PASS;
                    case "retry" -> InconclusivePolicy.Mode.RETRY;
                    default -> throw s.error(
                            "'inconclusive' must be fail (default), pass or retry, was '" + mode + "'");
                };
        if (parsed != InconclusivePolicy.Mode.RETRY
                && (s.has("inconclusiveRetries") || s.has("inconclusiveRetryInterval"))) {
            throw s.error("'inconclusiveRetries' and 'inconclusiveRetryInterval' only apply with inconclusive: retry");
        }
        Duration fallback = interval.isZero() ? Duration.ofSeconds(10) : interval;
        return new InconclusivePolicy(
                parsed,
                s.integer("inconclusiveRetries", 3, 1),
                s.duration("inconclusiveRetryInterval", fallback, true));
    }

    private static PrometheusEndpoint endpoint(Settings s) {
        String url = s.url("prometheusUrl", "http://prometheus.monitoring:9090");
        if (url.contains("{{")) {
            throw s.error("'prometheusUrl' cannot contain placeholders");
        }
        PrometheusAuth auth = PrometheusAuth.parse(s.string("auth", "bearer"));
        if (auth == null) {
            throw s.error("'auth' must be bearer (token) or basic (username:password)");
        }
        if (s.has("auth") && !s.has("credentialsId")) {
            throw s.error("'auth' needs 'credentialsId' naming the secret to send");
        }
        return new PrometheusEndpoint(
                URI.create(url),
                s.string("credentialsId", ""),
                auth,
                s.duration("queryTimeout", Duration.ofSeconds(10), true));
    }

    private static SmokeCheckSpec smoke(Settings s) {
        String url = s.url("url", "http://{{targets.previewService}}.{{namespace}}.svc:8080/health");
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
                s.points("points", EnumSet.of(GatePoint.STEP)));
    }

    private static WebhookSpec webhook(Settings s) {
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

    private static ApprovalSpec approval(Settings s) {
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

    private static String label(String list, int index, Map<String, Object> item) {
        Object name = item == null ? null : item.get("name");
        return list + "[" + index + "]" + (name == null ? "" : " '" + name + "'");
    }

    private static <T> T unique(Set<String> names, T spec, java.util.function.Function<T, String> name, String label) {
        if (!names.add(name.apply(spec))) {
            throw new InvalidGateConfigurationException(label + ": the name '" + name.apply(spec)
                    + "' is used twice; give every metric, judge and webhook its own name");
        }
        return spec;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }
}
