package io.jenkins.plugins.devops.core.checklist.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.jenkins.plugins.devops.core.checklist.ChecklistConfig;
import io.jenkins.plugins.devops.core.checklist.ChecklistEngine;
import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ChecklistRequest;
import io.jenkins.plugins.devops.core.checklist.Facts;
import io.jenkins.plugins.devops.core.checklist.Fixtures;
import io.jenkins.plugins.devops.core.checklist.Policy;
import io.jenkins.plugins.devops.core.checklist.Status;
import io.jenkins.plugins.devops.core.checklist.Suppression;
import io.jenkins.plugins.devops.core.checklist.baseline.Baseline;
import io.jenkins.plugins.devops.core.checklist.baseline.Waivers;
import io.jenkins.plugins.devops.core.checklist.evidence.SarifReports;
import io.jenkins.plugins.devops.core.checklist.evidence.SarifRun;
import io.jenkins.plugins.devops.core.checklist.evidence.TestReport;
import io.jenkins.plugins.devops.core.checklist.evidence.XmlReports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Renders a report with failures and a planted secret in every format and reads it back. */
class ReportWritersTest {
    private static final String SECRET = "ghp_" + "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8";

    @TempDir
    static Path repo;

    private static ChecklistReport report;

    @BeforeAll
    static void evaluateARepositoryWithASecret() throws IOException {
        Path source = Fixtures.repo("bad-service");
        try (var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = repo.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.writeString(
                repo.resolve("deploy.sh"), "#!/bin/sh\nexport GH=" + SECRET + "\nhelm upgrade <api> & \"x\"\n");
        // A failing policy, so the writers' FAILURE rendering is what is checked (a critical failure is only UNSTABLE
        // by default).
        report = new ChecklistEngine()
                .evaluate(new ChecklistRequest(
                        repo, ChecklistConfig.defaults().withPolicy(new Policy(true, -1, true)), Facts.none()));
        // the planted token, and the base64 password of the fixture's Kubernetes Secret
        assertThat(report.secretScan().findings())
                .extracting(f -> f.ruleId() + "@" + f.location())
                .containsExactly("github-token@deploy.sh:2", "kubernetes-secret-data@k8s/app.yaml:43");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void noFormatEverContainsTheSecret(ReportFormat format) {
        String output = format.write(report);

        assertThat(output)
                .doesNotContain(SECRET)
                .doesNotContain(SECRET.substring(4, 20))
                .contains("deploy.sh");
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws IOException {
        JsonNode json = new ObjectMapper().readTree(JsonReportWriter.write(report));
        JsonSchema schema;
        try (InputStream in = JsonReportWriter.class.getResourceAsStream(JsonReportWriter.SCHEMA_RESOURCE)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }

        Set<ValidationMessage> errors = schema.validate(json);

        assertThat(errors).isEmpty();
        assertThat(json.path("verdict").asText()).isEqualTo("FAILURE");
        assertThat(json.path("checklists")).hasSize(4);
        assertThat(json.path("secretScan")
                        .path("findings")
                        .get(0)
                        .path("masked")
                        .asText())
                .isEqualTo("ghp_**** (40 chars)");
        JsonNode broken = new ObjectMapper().readTree("{\"schemaVersion\": 1}");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void junitIsReadableAsATestReportWithOneFailurePerFailedItem() {
        String xml = JunitReportWriter.write(report);

        TestReport parsed = XmlReports.junit("checklist.xml", xml).orElseThrow();

        // every item plus one failing case per secret finding
        int secrets = report.secretScan().findings().size();
        assertThat(parsed.tests()).isEqualTo((int) report.items().count() + secrets);
        assertThat(parsed.failed())
                .isEqualTo((int) report.items()
                                .filter(i -> i.status() == Status.FAIL)
                                .count()
                        + secrets);
        assertThat(xml)
                .contains("<testsuite name=\"devops.checklist.security\"")
                .contains("type=\"CRITICAL\"")
                .contains("<testcase classname=\"devops.checklist.secrets\" name=\"github-token at deploy.sh:2:");
    }

    @Test
    void secretsOnlyJunitHasOneFailingTestCasePerFinding(@TempDir Path workspace) throws IOException {
        Files.writeString(workspace.resolve("a.sh"), "export GH=" + SECRET + "\n");
        Files.writeString(
                workspace.resolve("b.env"),
                "NPM=npm_" + "q7W2e9R4t1Y6u3I8o5P0a2S7d4F9g1H6j3K8\n" + "GH2=" + SECRET.replace('Z', 'Q') + "\n");
        ChecklistReport secretsOnly = new ChecklistEngine()
                .scanSecrets(new ChecklistRequest(workspace, ChecklistConfig.defaults(), Facts.none()));

        String xml = JunitReportWriter.write(secretsOnly);
        TestReport parsed = XmlReports.junit("secrets.xml", xml).orElseThrow();

        assertThat(parsed.tests()).isEqualTo(3);
        assertThat(parsed.failed()).isEqualTo(3);
        assertThat(xml)
                .contains("<testsuites name=\"devops checklist\" tests=\"3\" failures=\"3\">")
                .contains("<testsuite name=\"devops.checklist.secrets\" tests=\"3\" failures=\"3\"")
                .contains("name=\"npm-token at b.env:1:5\"")
                .contains("type=\"SECRET\"")
                .doesNotContain(SECRET)
                .doesNotContain(SECRET.substring(4, 20));
    }

    @Test
    void secretsOnlyJunitWithoutFindingsHasOnePassingTestCase(@TempDir Path workspace) throws IOException {
        Files.writeString(workspace.resolve("a.sh"), "echo hello\n");
        ChecklistReport clean = new ChecklistEngine()
                .scanSecrets(new ChecklistRequest(workspace, ChecklistConfig.defaults(), Facts.none()));

        TestReport parsed =
                XmlReports.junit("secrets.xml", JunitReportWriter.write(clean)).orElseThrow();

        assertThat(parsed.tests()).isEqualTo(1);
        assertThat(parsed.failed()).isZero();
    }

    @Test
    void sarifColumnsCountUtf16CodeUnitsAfterEmoji(@TempDir Path workspace) throws IOException {
        // "😀" is one code point but two UTF-16 code units (and four UTF-8 bytes); "é" is one of each.
        String prefix = "# 😀 é 😀 deploy: ";
        Files.writeString(workspace.resolve("notes.md"), "first line\n" + prefix + SECRET + "\n");
        ChecklistReport secretsOnly = new ChecklistEngine()
                .scanSecrets(new ChecklistRequest(workspace, ChecklistConfig.defaults(), Facts.none()));

        JsonNode root = new ObjectMapper().readTree(SarifReportWriter.write(secretsOnly));
        JsonNode region = root.at("/runs/0/results/0/locations/0/physicalLocation/region");

        assertThat(prefix.length()).isEqualTo(prefix.codePointCount(0, prefix.length()) + 2);
        assertThat(region.path("startLine").asInt()).isEqualTo(2);
        assertThat(region.path("startColumn").asInt()).isEqualTo(prefix.length() + 1);
        assertThat(root.at("/runs/0/results/0/locations/0/physicalLocation/region/startColumn")
                        .asInt())
                .isEqualTo(secretsOnly.secretScan().findings().get(0).column());
    }

    @Test
    void sarifMarksWhatThePolicyDoesNotCountAsSuppressedWithTheReason() throws IOException {
        LocalDate today = LocalDate.of(2026, 12, 7);
        Policy policy = new Policy(true, -1, true);
        ChecklistReport suppressed = Waivers.apply(
                report,
                List.of(
                        new Suppression(SarifReportWriter.SECRETS_ITEM, "the fixture keys are revoked (SEC-12)", null),
                        new Suppression("security.access-control", "reviewed", LocalDate.of(2026, 1, 31))),
                null,
                policy,
                today);

        JsonNode results =
                new ObjectMapper().readTree(SarifReportWriter.write(suppressed)).at("/runs/0/results");
        List<String> secrets = new ArrayList<>();
        for (JsonNode result : results) {
            String rule = result.path("ruleId").asText();
            if (rule.startsWith("secret/") || rule.equals(SarifReportWriter.SECRETS_ITEM)) {
                secrets.add(rule);
                assertThat(result.at("/suppressions/0/kind").asText()).as(rule).isEqualTo("external");
                assertThat(result.at("/suppressions/0/status").asText())
                        .as(rule)
                        .isEqualTo("accepted");
                assertThat(result.at("/suppressions/0/justification").asText())
                        .as(rule)
                        .isEqualTo("suppressed: \"the fixture keys are revoked (SEC-12)\"");
            } else {
                // the expired suppression waives nothing, and items without a waiver are open
                assertThat(result.has("suppressions")).as(rule).isFalse();
            }
        }
        assertThat(secrets)
                .containsExactlyInAnyOrder(
                        SarifReportWriter.SECRETS_ITEM, "secret/github-token", "secret/kubernetes-secret-data");
        assertThat(results.findValuesAsText("ruleId")).contains("security.access-control");

        // a baseline of this very report knows every result: all are suppressed, none is dropped
        ChecklistReport known = Waivers.apply(report, List.of(), Baseline.of(report), policy, today);
        JsonNode baselined =
                new ObjectMapper().readTree(SarifReportWriter.write(known)).at("/runs/0/results");
        assertThat(baselined.size()).isEqualTo(results.size());
        for (JsonNode result : baselined) {
            assertThat(result.at("/suppressions/0/justification").asText())
                    .as(result.path("ruleId").asText())
                    .startsWith("accepted in the baseline: known in the baseline as ");
        }
        // without waivers nothing is marked
        assertThat(SarifReportWriter.write(report)).doesNotContain("suppressions");
    }

    @Test
    void sarifIsValidSarifWithLocatedResults() throws IOException {
        String sarif = SarifReportWriter.write(report);
        JsonNode root = new ObjectMapper().readTree(sarif);

        assertThat(SarifReports.read("checklist.sarif", sarif))
                .singleElement()
                .extracting(SarifRun::tool)
                .isEqualTo("devops checklist");
        assertThat(root.path("version").asText()).isEqualTo("2.1.0");
        JsonNode results = root.path("runs").get(0).path("results");
        assertThat(results.findValuesAsText("ruleId")).contains("security.access-control", "secret/github-token");
        JsonNode secret = null;
        for (JsonNode result : results) {
            if (result.path("ruleId").asText().equals("secret/github-token")) {
                secret = result;
            }
        }
        assertThat(secret.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("deploy.sh");
        assertThat(secret.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(2);
    }

    @Test
    void htmlIsOneSelfContainedEscapedPage() {
        String html = HtmlReportWriter.write(report);

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<style>")
                .doesNotContain("<script")
                .doesNotContain("src=\"http")
                .doesNotContain("href=\"http");
        assertThat(html).contains("Verdict: <span class=\"FAIL\">FAILURE</span>");
        assertThat(HtmlReportWriter.escape("<a href='x'>&</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void markdownAndTextNameTheVerdictScoreAndFailingEvidence() {
        assertThat(MarkdownReportWriter.write(report))
                .startsWith("# DevOps checklist: FAILURE (score ")
                .contains("| FAIL | Access control (`security.access-control`) | HIGH | ")
                .contains("`k8s/app.yaml:45`");
        assertThat(MarkdownReportWriter.text(report)).contains("— FAILURE").contains("fix: ");
    }
}
