package io.jenkins.plugins.devops.core.checklist.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.checklist.ChecklistConfig;
import io.jenkins.plugins.devops.core.checklist.ChecklistEngine;
import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.ChecklistRequest;
import io.jenkins.plugins.devops.core.checklist.Facts;
import io.jenkins.plugins.devops.core.checklist.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportReadersTest {

    private static String fixture(String path) throws IOException {
        return Files.readString(Fixtures.repo(path));
    }

    @Test
    void sarifRunsAreCountedBySecuritySeverityThenLevel() throws IOException {
        List<SarifRun> grype = SarifReports.read("grype.sarif", fixture("bad-service/reports/grype.sarif"));
        List<SarifRun> trivy = SarifReports.read("trivy.sarif", fixture("good-service/reports/trivy.sarif"));
        String levels =
                """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Semgrep OSS", "rules": [
                  {"id": "r1", "defaultConfiguration": {"level": "error"}}]}},
                  "results": [
                    {"ruleId": "r1", "message": {"text": "a"}},
                    {"ruleId": "r2", "level": "warning", "message": {"text": "b"}},
                    {"ruleId": "r3", "level": "note", "message": {"text": "c"}},
                    {"ruleId": "r4", "level": "none", "message": {"text": "d"}},
                    {"ruleId": "r5", "kind": "pass", "level": "error", "message": {"text": "e"}}]}]}
                """;

        assertThat(grype).containsExactly(new SarifRun("grype.sarif", "Grype", 1, 1, 0, 0));
        assertThat(trivy).containsExactly(new SarifRun("trivy.sarif", "Trivy", 0, 0, 0, 1));
        assertThat(SarifReports.read("semgrep.sarif", levels))
                .containsExactly(new SarifRun("semgrep.sarif", "Semgrep OSS", 0, 1, 1, 1));
    }

    @Test
    void brokenSarifIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() ->
                        SarifReports.read("reports/trivy.sarif", "{\n  \"version\": \"2.1.0\",\n  \"runs\": [\n}"))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageStartingWith("reports/trivy.sarif line 4: not valid JSON");
        assertThatThrownBy(() -> SarifReports.read("x.sarif", "{\"version\": \"2.1.0\"}"))
                .hasMessageStartingWith("x.sarif line 1: not a SARIF log");
        assertThatThrownBy(() -> SarifReports.read("old.sarif", "{\"version\": \"1.0.0\", \"runs\": []}"))
                .hasMessageContaining("SARIF version 1.0.0 is not supported");
    }

    @Test
    void junitReportsOfSurefireGradleAndJestAreCounted() throws IOException {
        assertThat(XmlReports.junit(
                        "t.xml", fixture("good-service/build/test-results/test/TEST-com.example.shop.WebTest.xml")))
                .contains(new TestReport("t.xml", 3, 0, 1));
        assertThat(XmlReports.junit("j.xml", fixture("bad-service/test-results/TEST-api.xml")))
                .contains(new TestReport("j.xml", 4, 1, 0));
        assertThat(XmlReports.junit("pom.xml", "<project><testcase/></project>"))
                .isEmpty();
    }

    @Test
    void brokenJunitIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> XmlReports.junit("TEST-x.xml", "<testsuite>\n<testcase name=\"a\">\n</testsuite>"))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageStartingWith("TEST-x.xml line 3: not valid JUnit XML");
    }

    @Test
    void coverageFromJacocoCoberturaAndLcov() throws IOException {
        assertThat(XmlReports.coverage("jacoco.xml", fixture("good-service/reports/jacoco.xml")))
                .contains(new CoverageReport("jacoco.xml", "jacoco", 88.0));
        assertThat(XmlReports.coverage("c.xml", fixture("bad-service/reports/cobertura-coverage.xml")))
                .contains(new CoverageReport("c.xml", "cobertura", 31.0));
        assertThat(XmlReports.lcov("lcov.info", "SF:a.js\nLF:10\nLH:5\nend_of_record\nSF:b.js\nLF:10\nLH:10\n"))
                .contains(new CoverageReport("lcov.info", "lcov", 75.0));
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top-secret-content");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<testsuite><testcase name=\"&x;\"/></testsuite>";

        assertThatThrownBy(() -> XmlReports.junit("evil.xml", xxe))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageNotContaining("top-secret-content");
    }

    @Test
    void anUnreadableReportStopsTheEvaluationBeforeAnyItem(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("reports"));
        Files.writeString(repo.resolve("reports/semgrep.sarif"), "{\n\"runs\": [ {\n");

        assertThatThrownBy(() -> new ChecklistEngine()
                        .evaluate(new ChecklistRequest(repo, ChecklistConfig.defaults(), Facts.none())))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageStartingWith("reports/semgrep.sarif line ");
    }

    @Test
    void helmTemplatesAreNotMistakenForManifests(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("chart/templates"));
        Files.writeString(
                repo.resolve("chart/templates/deploy.yaml"),
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{- include \"x\" . | nindent 4 }}\n");
        Files.writeString(
                repo.resolve("web.yaml"),
                "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: web\n");

        Workspace workspace = Workspace.index(repo, java.util.Set.of());

        assertThat(KubernetesManifests.find(workspace))
                .extracting(KubernetesObject::displayName)
                .containsExactly("Service/web");
    }
}
