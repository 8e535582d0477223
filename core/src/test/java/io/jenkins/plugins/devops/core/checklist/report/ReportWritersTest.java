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
import io.jenkins.plugins.devops.core.checklist.evidence.SarifReports;
import io.jenkins.plugins.devops.core.checklist.evidence.SarifRun;
import io.jenkins.plugins.devops.core.checklist.evidence.TestReport;
import io.jenkins.plugins.devops.core.checklist.evidence.XmlReports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(report.secretScan().findings()).hasSize(1);
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

        assertThat(parsed.tests()).isEqualTo((int) report.items().count());
        assertThat(parsed.failed()).isEqualTo((int)
                report.items().filter(i -> i.status() == Status.FAIL).count());
        assertThat(xml)
                .contains("<testsuite name=\"devops.checklist.security\"")
                .contains("type=\"CRITICAL\"");
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
