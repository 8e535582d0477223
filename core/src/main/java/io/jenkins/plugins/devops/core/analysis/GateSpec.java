package io.jenkins.plugins.devops.core.analysis;

import io.jenkins.plugins.devops.core.analysis.approval.ApprovalSpec;
import io.jenkins.plugins.devops.core.analysis.judge.CanaryJudgeSpec;
import io.jenkins.plugins.devops.core.analysis.prometheus.MetricAnalysisSpec;
import io.jenkins.plugins.devops.core.analysis.smoke.SmokeCheckSpec;
import io.jenkins.plugins.devops.core.analysis.webhook.WebhookSpec;
import io.jenkins.plugins.devops.core.text.YamlProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Every health gate a deployment is configured with, checked and ready for {@link GateFactory}. Build it from the
 * maps a Jenkinsfile passes or from YAML; invalid settings throw {@link InvalidGateConfigurationException} here,
 * before any deployment starts.
 *
 * <pre>{@code
 * GateSpec spec = GateSpec.fromMaps(
 *         List.of(Map.of("name", "error-rate", "template", "request-success-rate",
 *                 "interval", "30s", "count", 5, "prometheusUrl", "http://prometheus:9090")),
 *         List.of(Map.of("url", "http://{{service}}.{{namespace}}.svc:8080/health")),
 *         List.of());
 * }</pre>
 *
 * @param metrics Prometheus threshold metrics (one gate, {@code prometheus-analysis})
 * @param judges statistical canary judges (one gate each)
 * @param smokeTests HTTP smoke checks (one gate, {@code smoke-tests})
 * @param webhooks webhook gates (one gate each)
 * @param approval when a person must approve, or {@code null}
 */
public record GateSpec(
        List<MetricAnalysisSpec> metrics,
        List<CanaryJudgeSpec> judges,
        List<SmokeCheckSpec> smokeTests,
        List<WebhookSpec> webhooks,
        ApprovalSpec approval) {
    private static final Set<String> YAML_KEYS = Set.of("analysis", "smokeTests", "webhooks", "approval");

    public GateSpec {
        metrics = List.copyOf(metrics);
        judges = List.copyOf(judges);
        smokeTests = List.copyOf(smokeTests);
        webhooks = List.copyOf(webhooks);
    }

    /** No gates at all. */
    public static GateSpec empty() {
        return new GateSpec(List.of(), List.of(), List.of(), List.of(), null);
    }

    /** Reads the three lists of a {@code devopsDeploy} step (any may be {@code null}). */
    public static GateSpec fromMaps(
            List<Map<String, Object>> analysis,
            List<Map<String, Object>> smokeTests,
            List<Map<String, Object>> webhooks) {
        return GateSpecParser.parse(analysis, smokeTests, webhooks, null);
    }

    /** As {@link #fromMaps(List, List, List)} with an approval setting (may be {@code null}). */
    public static GateSpec fromMaps(
            List<Map<String, Object>> analysis,
            List<Map<String, Object>> smokeTests,
            List<Map<String, Object>> webhooks,
            Map<String, Object> approval) {
        return GateSpecParser.parse(analysis, smokeTests, webhooks, approval);
    }

    /**
     * Reads YAML with top-level keys {@code analysis}, {@code smokeTests}, {@code webhooks} and {@code approval}.
     * Only plain maps, lists and scalars are accepted (SnakeYAML's SafeConstructor; no tags, no custom types).
     */
    public static GateSpec fromYaml(String yaml) {
        return fromYaml(yaml, "gate configuration");
    }

    /**
     * As {@link #fromYaml(String)}, naming {@code source} (e.g. {@code gates file 'gates.yaml'}) in a syntax error,
     * which is one line with the line and column.
     */
    @SuppressWarnings("unchecked")
    public static GateSpec fromYaml(String yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidGateConfigurationException(source + " is not valid YAML at "
                    + YamlProblem.of(e).describe() + "; fix it there (the format is in docs/analysis.md)");
        }
        if (document == null) {
            return empty();
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw new InvalidGateConfigurationException(
                    "gate configuration must be a map with analysis, smokeTests, webhooks or approval");
        }
        for (Object key : root.keySet()) {
            if (!YAML_KEYS.contains(String.valueOf(key))) {
                throw new InvalidGateConfigurationException("gate configuration: unknown key '" + key
                        + "'" + Settings.suggestion(String.valueOf(key), YAML_KEYS)
                        + "; use analysis, smokeTests, webhooks or approval");
            }
        }
        Object approval = root.get("approval");
        if (approval != null && !(approval instanceof Map)) {
            throw new InvalidGateConfigurationException(
                    "approval must be a map, e.g. approval: {environments: [production]}");
        }
        return GateSpecParser.parse(
                list(root, "analysis"), list(root, "smokeTests"), list(root, "webhooks"), (Map<String, Object>)
                        approval);
    }

    /** A copy with {@code approval} set. */
    public GateSpec withApproval(ApprovalSpec approval) {
        return new GateSpec(metrics, judges, smokeTests, webhooks, approval);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<?, ?> root, String key) {
        Object value = root.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items) || items.stream().anyMatch(i -> !(i instanceof Map))) {
            throw new InvalidGateConfigurationException(key + " must be a list of maps (each item starts with '- ')");
        }
        return (List<Map<String, Object>>) value;
    }
}
