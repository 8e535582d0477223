package io.jenkins.plugins.devops.core.checklist.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ChecklistResult;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.ItemResult;
import io.jenkins.plugins.devops.core.checklist.Status;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretFinding;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanResult;
import java.io.UncheckedIOException;

/**
 * Writes the report as JSON following {@code checklist-report.schema.json} (schemaVersion 1, documented in
 * docs/checklists.md). Fields are only ever added in a compatible way; a breaking change bumps schemaVersion.
 */
public final class JsonReportWriter {
    /** Classpath location of the JSON Schema of the output. */
    public static final String SCHEMA_RESOURCE =
            "/io/jenkins/plugins/devops/core/checklist/checklist-report.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {}

    public static String write(ChecklistReport report) {
        try {
            return JSON.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a Jackson tree (what {@link #write} serialises). */
    public static ObjectNode tree(ChecklistReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", ChecklistReport.SCHEMA_VERSION);
        root.put("workspace", report.workspace());
        root.put("score", report.score());
        root.put("verdict", report.policy().verdict().name());
        ArrayNode reasons = root.putArray("reasons");
        report.policy().reasons().forEach(reasons::add);
        ArrayNode checklists = root.putArray("checklists");
        for (ChecklistResult checklist : report.checklists()) {
            ObjectNode c = checklists.addObject();
            c.put("category", checklist.category().name());
            c.put("title", checklist.category().title());
            c.put("score", checklist.score());
            ObjectNode counts = c.putObject("counts");
            for (Status status : Status.values()) {
                counts.put(status.name(), checklist.count(status));
            }
            ArrayNode items = c.putArray("items");
            for (ItemResult item : checklist.items()) {
                ObjectNode i = items.addObject();
                i.put("id", item.id());
                i.put("title", item.title());
                i.put("severity", item.severity().name());
                i.put("status", item.status().name());
                i.put("score", item.score());
                i.put("summary", item.summary());
                i.put("remediation", item.remediation());
                ArrayNode evidence = i.putArray("evidence");
                for (Evidence e : item.evidence()) {
                    ObjectNode entry = evidence.addObject();
                    entry.put("source", e.source());
                    entry.put("line", e.line());
                    entry.put("detail", e.detail());
                }
            }
        }
        SecretScanResult scan = report.secretScan();
        if (scan == null) {
            root.putNull("secretScan");
        } else {
            ObjectNode s = root.putObject("secretScan");
            s.put("rules", scan.rules());
            s.put("filesScanned", scan.filesScanned());
            s.put("bytesScanned", scan.bytesScanned());
            s.put("binaryFilesSkipped", scan.binaryFilesSkipped());
            s.put("ignoredPaths", scan.ignoredPaths());
            s.put("largeFilesSkipped", scan.largeFilesSkipped());
            ArrayNode findings = s.putArray("findings");
            for (SecretFinding finding : scan.findings()) {
                ObjectNode f = findings.addObject();
                f.put("ruleId", finding.ruleId());
                f.put("path", finding.path());
                f.put("line", finding.line());
                f.put("column", finding.column());
                f.put("masked", finding.masked());
            }
        }
        return root;
    }
}
