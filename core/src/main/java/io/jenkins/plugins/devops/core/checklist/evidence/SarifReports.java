package io.jenkins.plugins.devops.core.checklist.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import java.util.ArrayList;
import java.util.List;

/** Reads SARIF 2.1.0 files from any tool into per-run severity counts. */
public final class SarifReports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SarifReports() {}

    /**
     * Reads one SARIF file.
     *
     * @throws ChecklistInputException naming the file and line when it is not valid SARIF 2.1.0 JSON
     */
    public static List<SarifRun> read(String file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ChecklistInputException(file + " line " + line + ": not valid JSON (" + e.getOriginalMessage()
                    + "); regenerate the SARIF report or exclude it from reports.sarif");
        }
        if (root == null || !root.path("runs").isArray()) {
            throw new ChecklistInputException(file + " line 1: not a SARIF log (no \"runs\" array); "
                    + "write it with the tool's SARIF 2.1.0 output or exclude it from reports.sarif");
        }
        String version = root.path("version").asText("");
        if (!version.isEmpty() && !version.equals("2.1.0")) {
            throw new ChecklistInputException(
                    file + " line 1: SARIF version " + version + " is not supported; produce SARIF 2.1.0");
        }
        List<SarifRun> runs = new ArrayList<>();
        for (JsonNode run : root.path("runs")) {
            JsonNode driver = run.path("tool").path("driver");
            String tool = driver.path("name").asText("unknown tool");
            JsonNode rules = driver.path("rules");
            int[] counts = new int[4];
            for (JsonNode result : run.path("results")) {
                String kind = result.path("kind").asText("fail");
                if (!kind.equals("fail") && !kind.equals("review") && !kind.equals("open")) {
                    continue;
                }
                JsonNode rule = findRule(rules, result);
                String level = result.path("level")
                        .asText(rule.path("defaultConfiguration").path("level").asText("warning"));
                String securitySeverity =
                        rule.path("properties").path("security-severity").asText("");
                int bucket = bucket(level, securitySeverity);
                if (bucket >= 0) {
                    counts[bucket]++;
                }
            }
            runs.add(new SarifRun(file, tool, counts[0], counts[1], counts[2], counts[3]));
        }
        return runs;
    }

    private static JsonNode findRule(JsonNode rules, JsonNode result) {
        if (result.has("ruleIndex") && rules.has(result.path("ruleIndex").asInt())) {
            return rules.get(result.path("ruleIndex").asInt());
        }
        String ruleId =
                result.path("ruleId").asText(result.path("rule").path("id").asText(""));
        for (JsonNode rule : rules) {
            if (rule.path("id").asText().equals(ruleId)) {
                return rule;
            }
        }
        return JSON.createObjectNode();
    }

    /** 0 critical, 1 high, 2 medium, 3 low, -1 not counted. */
    private static int bucket(String level, String securitySeverity) {
        if (!securitySeverity.isEmpty()) {
            try {
                double cvss = Double.parseDouble(securitySeverity);
                return cvss >= 9 ? 0 : cvss >= 7 ? 1 : cvss >= 4 ? 2 : 3;
            } catch (NumberFormatException e) {
                // fall back to the level
            }
        }
        return switch (level) {
            case "error" -> 1;
            case "warning" -> 2;
            case "note" -> 3;
            default -> -1;
        };
    }
}
