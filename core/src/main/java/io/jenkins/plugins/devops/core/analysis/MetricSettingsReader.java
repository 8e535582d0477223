package io.jenkins.plugins.devops.core.analysis;

import io.jenkins.plugins.devops.core.analysis.http.HttpAuth;
import io.jenkins.plugins.devops.core.analysis.judge.CanaryJudgeSpec;
import io.jenkins.plugins.devops.core.analysis.judge.Direction;
import io.jenkins.plugins.devops.core.analysis.judge.JudgeMetricSpec;
import io.jenkins.plugins.devops.core.analysis.prometheus.InconclusivePolicy;
import io.jenkins.plugins.devops.core.analysis.prometheus.MetricAnalysisSpec;
import io.jenkins.plugins.devops.core.analysis.prometheus.MetricTemplate;
import io.jenkins.plugins.devops.core.analysis.prometheus.PrometheusEndpoint;
import io.jenkins.plugins.devops.core.analysis.prometheus.Threshold;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.Track;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads Prometheus threshold metrics and canary judges from the user's maps. See docs/analysis.md. */
final class MetricSettingsReader {
    private static final Pattern TRACK = Pattern.compile("\\{\\{\\s*(track|podRegex)\\s*}}");
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

    private MetricSettingsReader() {}

    static MetricAnalysisSpec metric(String label, Map<String, Object> item) {
        Settings s = new Settings(label, item, METRIC_KEYS);
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

    static CanaryJudgeSpec judge(String label, Map<String, Object> item) {
        Settings s = new Settings(label, item, JUDGE_KEYS);
        String name = s.requiredString("name", "canary-judge");
        List<Map<String, Object>> items = s.maps("metrics");
        if (items.isEmpty()) {
            throw s.error(
                    "'metrics' is empty; list the metrics to compare, e.g. metrics: [{template: request-success-rate}]");
        }
        List<JudgeMetricSpec> metrics = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String metricLabel = s.item() + " metrics[" + i + "]";
            Settings m = new Settings(metricLabel, items.get(i), JUDGE_METRIC_KEYS);
            metrics.add(GateSpecParser.unique(names, judgeMetric(m), JudgeMetricSpec::name, metricLabel));
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
            String selector = s.string("selector", needsTrack ? MetricTemplate.JUDGE_SELECTOR : defaults.selector());
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
        if (needsTrack && !TRACK.matcher(query).find()) {
            throw s.error("the canary judge asks the query once for the canary and once for the baseline, so it must"
                    + " contain {{track}} or {{podRegex}} (e.g. pod=~\"{{podRegex}}\" or track=\"{{track}}\")");
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
        HttpAuth auth = HttpAuth.parse(s.string("auth", "bearer"));
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

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }
}
