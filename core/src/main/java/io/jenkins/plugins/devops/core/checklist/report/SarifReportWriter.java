package io.jenkins.plugins.devops.core.checklist.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ItemResult;
import io.jenkins.plugins.devops.core.checklist.Severity;
import io.jenkins.plugins.devops.core.checklist.Status;
import io.jenkins.plugins.devops.core.checklist.Waiver;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretFinding;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes SARIF 2.1.0 for warnings-ng and code-scanning tools: one rule per item (with {@code security-severity}
 * from its severity), one result per FAIL (level error) or WARN (level warning) item located at its first file
 * evidence, and one result per secret finding (rule {@code secret/<rule>}, masked text only). Columns are UTF-16
 * code units, SARIF's default {@code columnKind}, which is also how the secret scan counts them.
 *
 * <p>Results the policy does not count stay in the log, marked with a SARIF {@code suppressions} entry of kind
 * {@code external} (status {@code accepted}, the reason as {@code justification}): an item suppressed in the
 * configuration or known from the baseline, and the secret findings when their item, {@value #SECRETS_ITEM}, is so
 * waived. Viewers that honour SARIF suppressions then show them as suppressed instead of open, and the decision stays
 * visible. An expired suppression waives nothing: its results are open again.
 */
public final class SarifReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The checklist item whose evidence the secret findings are (a waiver of it covers them). */
    static final String SECRETS_ITEM = "security.secrets-management";

    private SarifReportWriter() {}

    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
        };
    }

    public static String write(ChecklistReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "devops checklist");
        run.put("columnKind", "utf16CodeUnits");
        driver.put(
                "informationUri",
                "https://github.com/jenkinsci/devops-orchestrator-plugin/blob/main/docs/checklists.md");
        ArrayNode rules = driver.putArray("rules");
        List<ItemResult> items = report.items().toList();
        for (ItemResult item : items) {
            ObjectNode rule = rules.addObject();
            rule.put("id", item.id());
            rule.put("name", item.title());
            rule.putObject("shortDescription").put("text", item.title());
            rule.putObject("help").put("text", item.remediation());
            rule.putObject("defaultConfiguration").put("level", item.severity() == Severity.LOW ? "note" : "error");
            ObjectNode properties = rule.putObject("properties");
            properties.put("security-severity", securitySeverity(item.severity()));
            properties.putArray("tags").add(item.category().title());
        }
        Set<String> secretRules = new LinkedHashSet<>();
        if (report.secretScan() != null) {
            report.secretScan().findings().forEach(f -> secretRules.add(f.ruleId()));
        }
        for (String ruleId : secretRules) {
            ObjectNode rule = rules.addObject();
            rule.put("id", "secret/" + ruleId);
            rule.putObject("shortDescription").put("text", "Secret in the workspace (" + ruleId + ")");
            rule.putObject("help").put("text", "Remove the secret, rotate it, and read it from a credential store.");
            rule.putObject("defaultConfiguration").put("level", "error");
            rule.putObject("properties").put("security-severity", "9.0");
        }
        Map<String, Waiver> waived = new HashMap<>();
        for (Waiver waiver : report.waivers()) {
            if (waiver.kind().waives()) {
                waived.putIfAbsent(waiver.item(), waiver);
            }
        }
        ArrayNode results = run.putArray("results");
        for (ItemResult item : items) {
            if (item.status() != Status.FAIL && item.status() != Status.WARN) {
                continue;
            }
            ObjectNode result = results.addObject();
            result.put("ruleId", item.id());
            result.put("level", item.status() == Status.FAIL ? "error" : "warning");
            result.putObject("message").put("text", item.status() + ": " + item.summary() + ". " + item.remediation());
            ArrayNode locations = result.putArray("locations");
            item.evidence().stream()
                    .filter(e -> !e.source().startsWith("fact:") && !e.source().equals("…"))
                    .findFirst()
                    .ifPresent(e -> location(locations.addObject(), e.source(), e.line(), 0));
            if (locations.isEmpty()) {
                result.remove("locations");
            }
            suppress(result, waived.get(item.id()));
        }
        if (report.secretScan() != null) {
            for (SecretFinding finding : report.secretScan().findings()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", "secret/" + finding.ruleId());
                result.put("level", "error");
                result.putObject("message").put("text", "Secret found (" + finding.ruleId() + "): " + finding.masked());
                location(result.putArray("locations").addObject(), finding.path(), finding.line(), finding.column());
                suppress(result, waived.get(SECRETS_ITEM));
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks a result the policy does not count, saying why (SARIF 2.1.0 §3.27.23, §3.35). */
    private static void suppress(ObjectNode result, Waiver waiver) {
        if (waiver == null) {
            return;
        }
        ObjectNode suppression = result.putArray("suppressions").addObject();
        suppression.put("kind", "external");
        suppression.put("status", "accepted");
        suppression.put(
                "justification",
                (waiver.kind() == Waiver.Kind.BASELINE ? "accepted in the baseline: " : "suppressed: ")
                        + waiver.detail());
    }

    private static void location(ObjectNode location, String path, int line, int column) {
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", path);
        artifact.put("uriBaseId", "%SRCROOT%");
        if (line > 0) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", line);
            if (column > 0) {
                region.put("startColumn", column);
            }
        }
    }
}
