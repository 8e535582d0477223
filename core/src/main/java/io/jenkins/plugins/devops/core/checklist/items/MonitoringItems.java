package io.jenkins.plugins.devops.core.checklist.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devops.core.checklist.Category;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.Severity;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import io.jenkins.plugins.devops.core.checklist.evidence.KubernetesObject;
import io.jenkins.plugins.devops.core.checklist.evidence.Workspace;
import io.jenkins.plugins.devops.core.checklist.evidence.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The monitoring checklist. */
final class MonitoringItems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoringItems() {}

    static List<ChecklistItem> items() {
        return List.of(
                new ChecklistItem(
                        "monitoring.application-metrics",
                        "Application metrics",
                        Category.MONITORING,
                        Severity.MEDIUM,
                        "Expose application metrics (Micrometer Prometheus registry, prometheus client, OpenTelemetry)"
                                + " and scrape them with a ServiceMonitor/PodMonitor or prometheus.io/scrape annotations.",
                        MonitoringItems::applicationMetrics),
                new ChecklistItem(
                        "monitoring.infrastructure-metrics",
                        "Infrastructure metrics",
                        Category.MONITORING,
                        Severity.MEDIUM,
                        "Collect node and cluster metrics: node-exporter and kube-state-metrics (kube-prometheus-stack),"
                                + " or a cloud/agent equivalent, configured in the repository.",
                        MonitoringItems::infrastructureMetrics),
                new ChecklistItem(
                        "monitoring.log-aggregation",
                        "Log aggregation",
                        Category.MONITORING,
                        Severity.MEDIUM,
                        "Ship logs to a central store with a logging agent (Fluent Bit, Vector, Promtail/Alloy,"
                                + " Filebeat) configured in the repository.",
                        MonitoringItems::logAggregation),
                new ChecklistItem(
                        "monitoring.error-tracking",
                        "Error tracking",
                        Category.MONITORING,
                        Severity.LOW,
                        "Add an error-tracking SDK (Sentry, Rollbar, Bugsnag...) and configure its DSN through the"
                                + " environment.",
                        MonitoringItems::errorTracking),
                new ChecklistItem(
                        "monitoring.alert-rules",
                        "Alert rules defined",
                        Category.MONITORING,
                        Severity.HIGH,
                        "Define Prometheus alerting rules (rule files or PrometheusRule) with 'for' and a severity"
                                + " label for each alert.",
                        MonitoringItems::alertRules),
                new ChecklistItem(
                        "monitoring.dashboards",
                        "Dashboards created",
                        Category.MONITORING,
                        Severity.LOW,
                        "Keep Grafana dashboards as JSON in the repository (or GrafanaDashboard / labelled ConfigMaps)"
                                + " with panels for the service.",
                        MonitoringItems::dashboards));
    }

    private static ItemOutcome presentOrFail(List<Evidence> evidence, String pass, String fail) {
        return evidence.isEmpty() ? ItemOutcome.fail(fail, List.of()) : ItemOutcome.pass(pass, evidence);
    }

    private static ItemOutcome applicationMetrics(EvidenceContext context) {
        List<Evidence> evidence = new ArrayList<>();
        for (KubernetesObject object : context.kubernetes()) {
            if (object.kind().equals("ServiceMonitor") || object.kind().equals("PodMonitor")) {
                evidence.add(object.evidence("Prometheus Operator scrape configuration"));
            }
        }
        evidence.addAll(EvidenceLines.of(context.grepConfig(
                "micrometer-registry-prometheus|io\\.prometheus|prometheus-metrics|prom-client|prometheus[-_]client"
                        + "|prometheus/client_golang|prometheus-net|opentelemetry.*(metrics|sdk)|prometheus\\.io/scrape"
                        + "|management\\.endpoints.*prometheus|include:\\s*.*prometheus")));
        return presentOrFail(
                evidence,
                "the application exposes metrics",
                "no metrics library, scrape configuration or" + " ServiceMonitor found");
    }

    private static ItemOutcome infrastructureMetrics(EvidenceContext context) {
        List<Evidence> evidence = new ArrayList<>(EvidenceLines.of(context.grepConfig(
                "node[-_]exporter|kube-state-metrics|kube-prometheus-stack|cadvisor|hostmetrics|datadog/agent"
                        + "|amazon-cloudwatch-agent|metricbeat|telegraf|kubernetes_sd_configs")));
        return presentOrFail(
                evidence,
                "node and cluster metrics are collected",
                "no node-exporter, kube-state-metrics," + " Prometheus scrape config or metrics agent found");
    }

    private static ItemOutcome logAggregation(EvidenceContext context) {
        Workspace workspace = context.workspace();
        List<Evidence> evidence = new ArrayList<>(EvidenceLines.files(
                workspace.filesNamed(
                        "fluent-?bit.*\\.(conf|ya?ml)|fluentd?\\.conf|td-agent\\.conf|vector\\.(toml|ya?ml)"
                                + "|promtail.*\\.ya?ml|filebeat\\.ya?ml|logstash.*\\.conf|.*\\.alloy"),
                "logging agent configuration"));
        for (KubernetesObject workload : context.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                String image = String.valueOf(container.get("image"));
                if (image.matches("(?i).*(fluent-?bit|fluentd|promtail|vector|filebeat|grafana/agent|alloy|logstash"
                        + "|otel/opentelemetry-collector).*")) {
                    evidence.add(workload.evidence("log shipper image " + image));
                }
            }
        }
        evidence.addAll(EvidenceLines.of(context.grepConfig(
                "^\\s*-?\\s*name:\\s*(loki|fluent-bit|promtail|vector|elasticsearch|opensearch|filebeat)\\s*$"
                        + "|logs:\\s*\\{?\\s*receivers")));
        return presentOrFail(evidence, "logs are shipped to a central store", "no logging agent configuration found");
    }

    private static ItemOutcome errorTracking(EvidenceContext context) {
        List<Evidence> evidence = new ArrayList<>(EvidenceLines.files(
                context.workspace().filesNamed("sentry\\.properties|\\.sentryclirc|sentry\\..*config\\.(js|ts|mjs)"),
                "Sentry configuration"));
        evidence.addAll(EvidenceLines.of(context.grepConfig(
                "\\bio\\.sentry\\b|@sentry/|sentry[-_]sdk|getsentry/sentry|SENTRY_DSN|sentry\\.dsn|rollbar|bugsnag"
                        + "|honeybadger|airbrake|raygun")));
        return presentOrFail(evidence, "errors are tracked", "no error-tracking SDK or configuration found");
    }

    private static ItemOutcome alertRules(EvidenceContext context) {
        Workspace workspace = context.workspace();
        List<Evidence> alerts = new ArrayList<>();
        List<Evidence> incomplete = new ArrayList<>();
        int recording = 0;
        for (String file : workspace.filesNamed(".*\\.ya?ml")) {
            String text = workspace.text(file).orElse("");
            if (!text.contains("groups:") || !text.contains("rules:")) {
                continue;
            }
            List<Workspace.LineMatch> alertLines =
                    workspace.grep(file, Pattern.compile("^\\s*-?\\s*alert:\\s*\\S+", Pattern.MULTILINE));
            for (YamlDocument document : context.yaml(file)) {
                Object groups =
                        document.at("groups").orElse(document.at("spec.groups").orElse(null));
                for (Object group : YamlDocument.list(groups)) {
                    for (Object ruleNode :
                            YamlDocument.list(YamlDocument.map(group).get("rules"))) {
                        Map<String, Object> rule = YamlDocument.map(ruleNode);
                        if (rule.containsKey("record")) {
                            recording++;
                            continue;
                        }
                        if (!rule.containsKey("alert")) {
                            continue;
                        }
                        String name = String.valueOf(rule.get("alert"));
                        int line = alertLines.stream()
                                .filter(l -> l.text().endsWith(name) || l.text().contains("alert: " + name))
                                .mapToInt(Workspace.LineMatch::line)
                                .findFirst()
                                .orElse(document.line());
                        boolean hasFor = rule.get("for") != null;
                        boolean hasSeverity = YamlDocument.at(rule, "labels.severity") != null;
                        if (rule.get("expr") == null || !hasFor || !hasSeverity) {
                            incomplete.add(Evidence.at(
                                    file,
                                    line,
                                    "alert " + name + " lacks "
                                            + (rule.get("expr") == null ? "expr " : "") + (hasFor ? "" : "'for' ")
                                            + (hasSeverity ? "" : "severity label")));
                        } else {
                            alerts.add(Evidence.at(file, line, "alert " + name));
                        }
                    }
                }
            }
        }
        alerts.addAll(EvidenceLines.of(context.grepTerraform("resource\\s+\"(aws_cloudwatch_metric_alarm"
                + "|google_monitoring_alert_policy|azurerm_monitor_metric_alert|grafana_rule_group)\"")));
        if (alerts.isEmpty() && incomplete.isEmpty()) {
            return ItemOutcome.fail(
                    recording > 0
                            ? "rule files hold only recording rules, no alerts"
                            : "no Prometheus alerting rules or cloud alarms found",
                    List.of());
        }
        if (!incomplete.isEmpty()) {
            int total = alerts.size() + incomplete.size();
            return ItemOutcome.warn(
                    Math.max(3, 10 * alerts.size() / total),
                    incomplete.size() + " of " + total + " alerts lack 'for', a severity label or an expression",
                    EvidenceLines.concat(incomplete, alerts));
        }
        return ItemOutcome.pass(alerts.size() + " alert rules defined", alerts);
    }

    private static ItemOutcome dashboards(EvidenceContext context) {
        Workspace workspace = context.workspace();
        List<Evidence> dashboards = new ArrayList<>();
        List<Evidence> empty = new ArrayList<>();
        for (String file : workspace.filesNamed(".*\\.json")) {
            String text = workspace.text(file).orElse("");
            if (!text.contains("\"panels\"")) {
                continue;
            }
            try {
                JsonNode root = JSON.readTree(text);
                JsonNode dashboard = root.has("dashboard") ? root.get("dashboard") : root;
                if (!dashboard.path("panels").isArray()) {
                    continue;
                }
                int panels = countPanels(dashboard.path("panels"));
                String title = dashboard.path("title").asText("(untitled)");
                if (panels == 0) {
                    empty.add(Evidence.at(file, 1, "dashboard '" + title + "' has no panels"));
                } else {
                    dashboards.add(
                            Evidence.at(file, 1, "Grafana dashboard '" + title + "' with " + panels + " panels"));
                }
            } catch (java.io.IOException e) {
                // not JSON: not a dashboard
            }
        }
        for (KubernetesObject object : context.kubernetes()) {
            if (object.kind().equals("GrafanaDashboard")
                    || object.kind().equals("ConfigMap") && object.labels().containsKey("grafana_dashboard")) {
                dashboards.add(object.evidence("provisioned Grafana dashboard"));
            }
        }
        dashboards.addAll(EvidenceLines.of(context.grepTerraform("resource\\s+\"grafana_dashboard\"")));
        if (!dashboards.isEmpty()) {
            return ItemOutcome.pass(dashboards.size() + " dashboards found", EvidenceLines.concat(dashboards, empty));
        }
        if (!empty.isEmpty()) {
            return ItemOutcome.warn(3, "dashboards exist but have no panels", empty);
        }
        return ItemOutcome.fail("no Grafana dashboard JSON or provisioned dashboard found", List.of());
    }

    private static int countPanels(JsonNode panels) {
        int count = 0;
        for (JsonNode panel : panels) {
            if ("row".equals(panel.path("type").asText())) {
                count += countPanels(panel.path("panels"));
            } else {
                count++;
            }
        }
        return count;
    }
}
