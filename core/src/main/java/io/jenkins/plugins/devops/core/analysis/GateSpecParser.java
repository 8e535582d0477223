package io.jenkins.plugins.devops.core.analysis;

import io.jenkins.plugins.devops.core.analysis.approval.ApprovalSpec;
import io.jenkins.plugins.devops.core.analysis.judge.CanaryJudgeSpec;
import io.jenkins.plugins.devops.core.analysis.prometheus.MetricAnalysisSpec;
import io.jenkins.plugins.devops.core.analysis.smoke.SmokeCheckSpec;
import io.jenkins.plugins.devops.core.analysis.webhook.WebhookSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads the user's lists into a {@link GateSpec}, checking every setting and that names are unique; the items
 * themselves are read by {@link MetricSettingsReader} and {@link CheckSettingsReader}.
 */
final class GateSpecParser {
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
                metrics.add(unique(names, MetricSettingsReader.metric(label, item), MetricAnalysisSpec::name, label));
            } else if ("canary-judge".equals(type)) {
                judges.add(unique(names, MetricSettingsReader.judge(label, item), CanaryJudgeSpec::name, label));
            } else {
                throw new InvalidGateConfigurationException(
                        label + ": unknown type '" + type + "'; use threshold (the default) or canary-judge");
            }
        }
        List<Map<String, Object>> smokeItems = nullToEmpty(smokeTests);
        List<SmokeCheckSpec> smoke = IntStream.range(0, smokeItems.size())
                .mapToObj(i -> CheckSettingsReader.smoke(label("smokeTests", i, smokeItems.get(i)), smokeItems.get(i)))
                .toList();
        List<Map<String, Object>> hookItems = nullToEmpty(webhooks);
        List<WebhookSpec> hooks = new ArrayList<>();
        for (int i = 0; i < hookItems.size(); i++) {
            String label = label("webhooks", i, hookItems.get(i));
            hooks.add(unique(names, CheckSettingsReader.webhook(label, hookItems.get(i)), WebhookSpec::name, label));
        }
        ApprovalSpec approvalSpec = approval == null ? null : CheckSettingsReader.approval(approval);
        return new GateSpec(metrics, judges, smoke, hooks, approvalSpec);
    }

    private static String label(String list, int index, Map<String, Object> item) {
        Object name = item == null ? null : item.get("name");
        return list + "[" + index + "]" + (name == null ? "" : " '" + name + "'");
    }

    static <T> T unique(Set<String> names, T spec, java.util.function.Function<T, String> name, String label) {
        if (!names.add(name.apply(spec))) {
            throw new InvalidGateConfigurationException(label + ": the name '" + name.apply(spec)
                    + "' is used twice; give every metric, judge and webhook its own name");
        }
        return spec;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
