package io.jenkins.plugins.devops.core.checklist;

import static io.jenkins.plugins.devops.core.checklist.Fixtures.evaluate;
import static io.jenkins.plugins.devops.core.checklist.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistConfigTest {
    private static final String FULL =
            """
            items:
              security.audit-logging: false
              infra.cost-optimization:
                severity: critical
              monitoring.dashboards:
                enabled: true
                severity: high
            custom:
              - id: custom.codeowners
                title: CODEOWNERS present
                category: security
                severity: high
                remediation: Add a CODEOWNERS file naming the owning team.
                fileExists: "{CODEOWNERS,.github/CODEOWNERS}"
              - id: custom.no-latest-in-compose
                category: infrastructure
                regexInFiles:
                  files: "**/docker-compose*.yml"
                  regex: "image: .*:latest"
                  expect: absent
              - id: custom.web-scales-to-four
                valueAtPath:
                  file: "deploy/*.yaml"
                  path: spec.minReplicas
                  equals: "4"
            policy:
              failOnCriticalFailure: true
              minimumScore: 7.5
              unstableOnWarnings: false
            secrets:
              rules:
                - id: internal-token
                  regex: "itk_[a-z0-9]{32}"
              allowlist:
                paths: ["docs/**"]
                regexes: ["EXAMPLE"]
              skipDirectories: [".git", "third_party"]
              includeBuildOutput: true
              maxFileBytes: 1048576
            reports:
              sarif: ["reports/*.sarif"]
            thresholds:
              minimumCoverage: 90
            costLabels: [team]
            """;

    @Test
    void readsEverySection() {
        ChecklistConfig config = ChecklistConfig.fromYaml(FULL, "checklist.yaml");

        assertThat(config.items().get("security.audit-logging").enabled()).isFalse();
        assertThat(config.items().get("infra.cost-optimization").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(config.customItems())
                .extracting(CustomItem::id)
                .containsExactly("custom.codeowners", "custom.no-latest-in-compose", "custom.web-scales-to-four");
        assertThat(config.customItems().get(0).category()).isEqualTo(Category.SECURITY);
        assertThat(config.policy()).isEqualTo(new Policy(true, 7.5, false));
        assertThat(config.secretScan().rules()).extracting(r -> r.id()).contains("aws-access-key-id", "internal-token");
        assertThat(config.secretScan().skipDirectories()).containsExactlyInAnyOrder(".git", "third_party");
        assertThat(config.secretScan().maxFileBytes()).isEqualTo(1048576);
        assertThat(config.secretScan().includeBuildOutput()).isTrue();
        assertThat(ChecklistConfig.defaults().secretScan().includeBuildOutput()).isFalse();
        assertThat(config.reports().sarif()).extracting(Object::toString).containsExactly("reports/*.sarif");
        assertThat(config.minimumCoverage()).isEqualTo(90);
        assertThat(config.costLabels()).containsExactly("team");
    }

    @Test
    void configurationChangesWhatIsEvaluatedAndHowItScores() {
        ChecklistConfig config = ChecklistConfig.fromYaml(FULL, "checklist.yaml");

        ChecklistReport report = evaluate("good-service", config, Facts.none());

        assertThat(report.item("security.audit-logging")).isEmpty();
        assertThat(item(report, "infra.cost-optimization").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(item(report, "custom.codeowners").status()).isEqualTo(Status.FAIL);
        assertThat(item(report, "custom.no-latest-in-compose").status()).isEqualTo(Status.PASS);
        assertThat(item(report, "custom.web-scales-to-four").status()).isEqualTo(Status.PASS);
        assertThat(item(report, "custom.web-scales-to-four").evidence())
                .extracting(Evidence::location)
                .containsExactly("deploy/web.yaml"); // database.yaml's minReplicas is 3
        assertThat(item(report, "cicd.code-quality").status()).isEqualTo(Status.WARN); // 88% < 90%
        assertThat(item(report, "security.vulnerability-scanning").evidence())
                .extracting(Evidence::source)
                .containsOnly("reports/trivy.sarif");
        assertThat(report.checklists().get(3).items())
                .extracting(ItemResult::id)
                .contains("custom.codeowners");
    }

    @Test
    void customRegexItemFailsWhereItsPatternIsForbidden(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("docker-compose.yml"), "services:\n  db:\n    image: postgres:latest\n");
        ChecklistConfig config = ChecklistConfig.fromYaml(FULL, "checklist.yaml");

        ChecklistReport report = new ChecklistEngine().evaluate(new ChecklistRequest(repo, config, Facts.none()));

        ItemResult result = item(report, "custom.no-latest-in-compose");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.evidence()).extracting(Evidence::location).containsExactly("docker-compose.yml:3");
    }

    @Test
    void unknownItemIdNamesFileLineAndSuggestsTheRightId() {
        String yaml = "policy:\n  minimumScore: 5\nitems:\n  security.audit-loging: false\n";

        assertThatThrownBy(() -> ChecklistConfig.fromYaml(yaml, ".devops/checklist.yaml"))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageStartingWith(".devops/checklist.yaml line 4: unknown item id 'security.audit-loging'")
                .hasMessageContaining("did you mean 'security.audit-logging'?");
    }

    @Test
    void invalidRegexNamesFileAndLine() {
        String yaml =
                "custom:\n  - id: custom.x\n    regexInFiles:\n      files: \"**/*.java\"\n      regex: \"(unclosed\"\n";

        assertThatThrownBy(() -> ChecklistConfig.fromYaml(yaml, "checklist.yaml"))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageStartingWith(
                        "checklist.yaml line 5: custom.x.regexInFiles.regex is not a valid regular" + " expression");
    }

    @Test
    void badValuesAndUnknownKeysNameTheirLine() {
        assertThatThrownBy(() -> ChecklistConfig.fromYaml("policy:\n  minimumScore: eleven\n", "c.yaml"))
                .hasMessage("c.yaml line 2: policy.minimumScore must be a number, was 'eleven'");
        assertThatThrownBy(() -> ChecklistConfig.fromYaml("policy:\n  failOnCritical: true\n", "c.yaml"))
                .hasMessageStartingWith("c.yaml line 2: unknown key 'failOnCritical' in policy; allowed keys:");
        assertThatThrownBy(() ->
                        ChecklistConfig.fromYaml("items:\n  cicd.code-quality:\n    severity: urgent\n", "c.yaml"))
                .hasMessageContaining("c.yaml line 3:")
                .hasMessageContaining("use one of critical, high, medium, low");
        assertThatThrownBy(() ->
                        ChecklistConfig.fromYaml("custom:\n  - id: cicd.code-quality\n    fileExists: x\n", "c.yaml"))
                .hasMessageStartingWith("c.yaml line 2: item id 'cicd.code-quality' is already used");
        assertThatThrownBy(() -> ChecklistConfig.fromYaml("custom:\n  - id: custom.y\n    title: no rule\n", "c.yaml"))
                .hasMessageContaining("needs exactly one rule");
        assertThatThrownBy(() -> ChecklistConfig.fromYaml("items: [\n", "c.yaml"))
                .hasMessageStartingWith("c.yaml line 2, column 1: invalid YAML")
                .hasMessageEndingWith("; fix it there (the format is in docs/checklists.md)");
    }

    @Test
    void yamlTagsAreNeverConstructed() {
        String yaml = "costLabels: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n";

        assertThatThrownBy(() -> ChecklistConfig.fromYaml(yaml, "evil.yaml"))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageStartingWith("evil.yaml line 1, column 13: invalid YAML (the tag"
                        + " !!javax.script.ScriptEngineManager is not allowed");
    }

    @Test
    void unreadableConfigFileSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> ChecklistConfig.fromYaml(dir.resolve("missing.yaml")))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageContaining("missing.yaml: cannot read the checklist configuration");
    }

    @Test
    void emptyFileMeansDefaults() {
        ChecklistConfig config = ChecklistConfig.fromYaml("# nothing yet\n", "c.yaml");

        assertThat(config.items()).isEmpty();
        assertThat(config.customItems()).isEmpty();
        assertThat(config.policy()).isEqualTo(Policy.DEFAULT);
        assertThat(config.secretScan().rules())
                .hasSameSizeAs(ChecklistConfig.defaults().secretScan().rules());
    }
}
