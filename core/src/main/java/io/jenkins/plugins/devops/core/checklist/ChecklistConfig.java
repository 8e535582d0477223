package io.jenkins.plugins.devops.core.checklist;

import io.jenkins.plugins.devops.core.checklist.config.ConfigYamlReader;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to evaluate: which items and severities, custom items, the policy, the secret scan and where reports are.
 *
 * <p>Usually read from YAML (see docs/checklists.md): {@code ChecklistConfig.fromYaml(Path.of(".devops/checklist.yaml"))}.
 *
 * @param items settings for built-in items by id
 * @param customItems the team's own items
 * @param policy when the report fails or is unstable
 * @param secretScanEnabled whether the built-in secret scan runs
 * @param secretScan rules, allowlist and skips of the secret scan
 * @param reports where SARIF, JUnit and coverage reports are looked for
 * @param minimumCoverage line coverage in percent below which code quality warns
 * @param costLabels labels that attribute cost (any one of them counts)
 * @param suppressions items the policy does not count, each with a reason and an optional expiry
 */
public record ChecklistConfig(
        Map<String, ItemSettings> items,
        List<CustomItem> customItems,
        Policy policy,
        boolean secretScanEnabled,
        SecretScanOptions secretScan,
        ReportLocations reports,
        double minimumCoverage,
        List<String> costLabels,
        List<Suppression> suppressions) {

    public static final List<String> DEFAULT_COST_LABELS =
            List.of("cost-center", "costcenter", "cost_center", "team", "owner", "app.kubernetes.io/part-of");

    public ChecklistConfig {
        items = Map.copyOf(items);
        customItems = List.copyOf(customItems);
        costLabels = List.copyOf(costLabels);
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
    }

    /** Without suppressions. */
    public ChecklistConfig(
            Map<String, ItemSettings> items,
            List<CustomItem> customItems,
            Policy policy,
            boolean secretScanEnabled,
            SecretScanOptions secretScan,
            ReportLocations reports,
            double minimumCoverage,
            List<String> costLabels) {
        this(
                items,
                customItems,
                policy,
                secretScanEnabled,
                secretScan,
                reports,
                minimumCoverage,
                costLabels,
                List.of());
    }

    /** All 25 built-in items with default severities, the default policy and the built-in secret rules. */
    public static ChecklistConfig defaults() {
        return new ChecklistConfig(
                Map.of(),
                List.of(),
                Policy.DEFAULT,
                true,
                SecretScanOptions.defaults(),
                ReportLocations.DEFAULT,
                60.0,
                DEFAULT_COST_LABELS);
    }

    /**
     * Reads a YAML configuration file.
     *
     * @throws ChecklistInputException naming the file and line of the first problem
     */
    public static ChecklistConfig fromYaml(Path file) {
        return ConfigYamlReader.read(file);
    }

    /** Reads YAML text; {@code sourceName} names it in error messages. */
    public static ChecklistConfig fromYaml(String yaml, String sourceName) {
        return ConfigYamlReader.read(yaml, sourceName);
    }

    public ChecklistConfig withPolicy(Policy newPolicy) {
        return new ChecklistConfig(
                items,
                customItems,
                newPolicy,
                secretScanEnabled,
                secretScan,
                reports,
                minimumCoverage,
                costLabels,
                suppressions);
    }

    public ChecklistConfig withSecretScan(SecretScanOptions options) {
        return new ChecklistConfig(
                items,
                customItems,
                policy,
                secretScanEnabled,
                options,
                reports,
                minimumCoverage,
                costLabels,
                suppressions);
    }

    public ChecklistConfig withItems(Map<String, ItemSettings> newItems) {
        return new ChecklistConfig(
                newItems,
                customItems,
                policy,
                secretScanEnabled,
                secretScan,
                reports,
                minimumCoverage,
                costLabels,
                suppressions);
    }

    public ChecklistConfig withCustomItems(List<CustomItem> newItems) {
        return new ChecklistConfig(
                items,
                newItems,
                policy,
                secretScanEnabled,
                secretScan,
                reports,
                minimumCoverage,
                costLabels,
                suppressions);
    }

    public ChecklistConfig withSuppressions(List<Suppression> newSuppressions) {
        return new ChecklistConfig(
                items,
                customItems,
                policy,
                secretScanEnabled,
                secretScan,
                reports,
                minimumCoverage,
                costLabels,
                newSuppressions);
    }
}
