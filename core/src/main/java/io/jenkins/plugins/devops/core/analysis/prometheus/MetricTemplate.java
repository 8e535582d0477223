package io.jenkins.plugins.devops.core.analysis.prometheus;

import java.util.Arrays;
import java.util.List;

/**
 * Built-in PromQL so a user needs no PromQL to start, following the Flagger conventions.
 *
 * <pre>{@code
 * String q = MetricTemplate.REQUEST_SUCCESS_RATE.query(TemplateSettings.defaults(MetricTemplate.REQUEST_SUCCESS_RATE));
 * }</pre>
 */
public enum MetricTemplate {
    /** Share of non-5xx requests in percent; passes at 99 or more unless configured otherwise. */
    REQUEST_SUCCESS_RATE("request-success-rate", "http_requests_total", 99.0, null) {
        @Override
        public String query(TemplateSettings s) {
            String all = s.metricName() + "{" + s.selector() + "}";
            String good = s.metricName() + "{" + join(s.selector(), s.statusLabel() + "!~\"5..\"") + "}";
            // "or vector(0)": when every request fails the good series is absent, which must read 0%, not "no data".
            return "100 * (sum(rate(" + good + "[" + s.window() + "])) or vector(0)) / sum(rate(" + all + "["
                    + s.window() + "]))";
        }
    },
    /** 99th percentile request duration in milliseconds; passes at 500 or less unless configured otherwise. */
    REQUEST_DURATION("request-duration", "http_request_duration_seconds_bucket", null, 500.0) {
        @Override
        public String query(TemplateSettings s) {
            return "1000 * histogram_quantile(0.99, sum by (le) (rate(" + s.metricName() + "{" + s.selector() + "}["
                    + s.window() + "])))";
        }
    };

    /** The selector used when none is configured; {@code {{track}}} is left out as few setups label it. */
    public static final String DEFAULT_SELECTOR = "namespace=\"{{namespace}}\",service=\"{{service}}\"";

    /**
     * The selector of judge metrics: the pods of the track's Deployment, so canary and baseline are told apart
     * with the usual {@code pod} label of Kubernetes scrape configurations.
     */
    public static final String JUDGE_SELECTOR = "namespace=\"{{namespace}}\",pod=~\"{{podRegex}}\"";

    private final String id;
    private final String defaultMetricName;
    private final Double defaultMin;
    private final Double defaultMax;

    MetricTemplate(String id, String defaultMetricName, Double defaultMin, Double defaultMax) {
        this.id = id;
        this.defaultMetricName = defaultMetricName;
        this.defaultMin = defaultMin;
        this.defaultMax = defaultMax;
    }

    /** The PromQL for these settings, still containing placeholders such as {@code {{service}}}. */
    public abstract String query(TemplateSettings settings);

    /** The name users write in {@code template:}. */
    public String id() {
        return id;
    }

    public String defaultMetricName() {
        return defaultMetricName;
    }

    /** The minimum used when the user sets neither {@code min} nor {@code max}, or {@code null}. */
    public Double defaultMin() {
        return defaultMin;
    }

    /** The maximum used when the user sets neither {@code min} nor {@code max}, or {@code null}. */
    public Double defaultMax() {
        return defaultMax;
    }

    /** Finds a template by its {@link #id()}, or {@code null}. */
    public static MetricTemplate byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst().orElse(null);
    }

    /** Every template id, for error messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(MetricTemplate::id).toList();
    }

    private static String join(String selector, String matcher) {
        return selector.isBlank() ? matcher : selector + "," + matcher;
    }

    /**
     * The names a template query is built from.
     *
     * @param metricName the counter or histogram bucket metric
     * @param statusLabel the label holding the HTTP status code ({@code status} or {@code code})
     * @param selector label matchers selecting the service, with placeholders
     * @param window the rate window, e.g. {@code 1m}
     */
    public record TemplateSettings(String metricName, String statusLabel, String selector, String window) {
        public static TemplateSettings defaults(MetricTemplate template) {
            return new TemplateSettings(template.defaultMetricName(), "status", DEFAULT_SELECTOR, "1m");
        }
    }
}
