package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.checklist.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChecklistCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = DevopsCommand.commandLine(args);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void wellRunServicePassesWithExitZero() {
        int exit = run("checklist", Fixtures.repo("good-service").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Score 10.0/10 — PASS").contains("PASS           security.audit-logging");
    }

    @Test
    void failedCriticalItemsAreUnstableWithExitZeroUnlessAskedToFail(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("out/checklist.json");

        int exit = run(
                "checklist", Fixtures.repo("bad-service").toString(), "--format", "json", "--out", report.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(report)).contains("\"verdict\" : \"UNSTABLE\"");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void failedPolicyExitsOneAndSaysWhy(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("out/checklist.json");

        int exit = run(
                "checklist",
                Fixtures.repo("bad-service").toString(),
                "--fail-on",
                "critical",
                "--format",
                "json",
                "--out",
                report.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(Files.readString(report)).contains("\"verdict\" : \"FAILURE\"");
        assertThat(err.toString()).startsWith("devops checklist: policy failed: critical item");
    }

    @Test
    void unknownFailOnValueIsAUsageErrorNamingTheChoices() {
        int exit = run("checklist", Fixtures.repo("good-service").toString(), "--fail-on", "sometimes");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("devops checklist: --fail-on: 'sometimes' is not supported; use 'critical' or 'none'");
    }

    @Test
    void factsAndConfigurationChangeTheOutcome(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("checklist.yaml");
        Files.writeString(config, "policy:\n  unstableOnWarnings: false\n");

        int exit = run(
                "checklist",
                Fixtures.repo("good-service").toString(),
                "--config",
                config.toString(),
                "--fact",
                "canRollBack=false",
                "--format",
                "markdown");

        assertThat(exit).isZero(); // rollback is HIGH, not critical: the policy still passes without warnings
        assertThat(out.toString()).contains("| FAIL | Rollback capability (`cicd.rollback-capability`)");
    }

    @Test
    void aBaselineWrittenTodayLetsTheSameFindingsPassAndFailsOnANewOne(@TempDir Path dir) throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("k8s"));
        Files.writeString(repo.resolve("Jenkinsfile"), "node { sh 'make' }\n");
        Path baseline = dir.resolve(".devops/checklist-baseline.json");

        int first = run("checklist", repo.toString(), "--fail-on", "critical", "--write-baseline", baseline.toString());

        assertThat(first).isEqualTo(1); // critical items fail: no scanner, no audit logging ...
        assertThat(err.toString())
                .contains("devops checklist: wrote ")
                .contains(" findings to the baseline " + baseline);
        assertThat(Files.readString(baseline)).contains("\"id\" : \"security.vulnerability-scanning\"");

        err.getBuffer().setLength(0);
        assertThat(run("checklist", repo.toString(), "--fail-on", "critical", "--baseline", baseline.toString()))
                .isZero();

        // a committed GitHub token is a new finding of security.secrets-management, a critical item
        Files.writeString(repo.resolve("k8s/env.yaml"), "token: ghp_" + "R8kLw2QzT5vNc7XyB1mHd4JsF6gPa9Ue3WqZ\n");
        out.getBuffer().setLength(0);
        int later = run("checklist", repo.toString(), "--fail-on", "critical", "--baseline", baseline.toString());

        assertThat(later).isEqualTo(1);
        assertThat(err.toString()).contains("policy failed: critical item security.secrets-management failed");
    }

    @Test
    void theStrategyFactTurnsOnTheProgressiveDeliveryChecks(@TempDir Path dir) throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("k8s"));
        Files.writeString(
                repo.resolve("k8s/shop.yaml"),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: shop}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: shop}}
                  template:
                    metadata: {labels: {app: shop}}
                    spec:
                      containers:
                        - {name: shop, image: registry.example.com/shop:1.0.0}
                """);

        run("checklist", repo.toString(), "--format", "markdown");
        assertThat(out.toString())
                .contains("| NOT_APPLICABLE | Progressive delivery safety (`cicd.progressive-delivery-safety`)");

        out.getBuffer().setLength(0);
        run(
                "checklist",
                repo.toString(),
                "--format",
                "markdown",
                "--fact",
                "strategy=canary",
                "--fact",
                "steps=10,100");
        assertThat(out.toString())
                .contains("| FAIL | Progressive delivery safety (`cicd.progressive-delivery-safety`)")
                .contains("container shop has no readinessProbe: with canary the new pods get traffic");
    }

    @Test
    void aMissingBaselineIsAnInputError(@TempDir Path dir) {
        Path missing = dir.resolve("none.json");

        int exit = run("checklist", Fixtures.repo("good-service").toString(), "--baseline", missing.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("devops checklist: " + missing + ": cannot read the baseline (NoSuchFileException); check"
                        + " the path, or create it with --write-baseline " + missing);
    }

    @Test
    void badConfigurationIsAOneLineInputErrorWithExitTwo(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("checklist.yaml");
        Files.writeString(config, "items:\n  cicd.automated-build: false\n");

        int exit = run("checklist", Fixtures.repo("good-service").toString(), "--config", config.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("devops checklist: " + config + " line 2: unknown item id 'cicd.automated-build' — did you"
                        + " mean 'cicd.automated-builds'?; the built-in ids are listed in docs/checklists.md");
    }

    @Test
    void malformedOrUnsafeConfigurationIsOneLineWithLineColumnAndWhereTheFormatIs(@TempDir Path dir)
            throws IOException {
        Path malformed = Files.writeString(dir.resolve("malformed.yaml"), "checklists: [cicd\nfailOn: x\n");
        Path unsafe = Files.writeString(dir.resolve("unsafe.yaml"), "!!java.lang.Object {}\n");

        assertThat(run("checklist", Fixtures.repo("good-service").toString(), "--config", malformed.toString()))
                .isEqualTo(2);
        assertThat(run("checklist", Fixtures.repo("good-service").toString(), "--config", unsafe.toString()))
                .isEqualTo(2);

        assertThat(err.toString().lines())
                .containsExactly(
                        "devops checklist: " + malformed + " line 2, column 7: invalid YAML (expected ',' or ']', but"
                                + " got :); fix it there (the format is in docs/checklists.md)",
                        "devops checklist: " + unsafe + " line 1, column 1: invalid YAML (the tag !!java.lang.Object"
                                + " is not allowed (only plain maps, lists and values are)); fix it there (the format"
                                + " is in docs/checklists.md)");
    }

    @Test
    void rulesFileReplacesTheBuiltInRules(@TempDir Path dir) throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("notes.txt"), "ticket ACME-12345 mentions nothing secret\n");
        Path rules = dir.resolve("rules.txt");
        Files.writeString(rules, "ACME-[0-9]{5}\n");

        int exit = run("checklist", repo.toString(), "--rules", rules.toString(), "--secrets-only", "--format", "json");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("\"ruleId\" : \"rules.txt:1\"")
                .contains("\"path\" : \"notes.txt\"")
                .doesNotContain("ACME-12345");
    }

    @Test
    void buildOutputIsSkippedUnlessIncludedAndJunitCountsEachSecret(@TempDir Path dir) throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("src/main/resources"));
        Files.createDirectories(repo.resolve("target/classes"));
        String line = "DB_PASSWORD=8ae31c" + "94f0b27d5e61a3c8\n";
        Files.writeString(repo.resolve("src/main/resources/app.env"), line);
        Files.writeString(repo.resolve("target/classes/app.env"), line);

        int skipped = run("checklist", repo.toString(), "--secrets-only", "--format", "junit");
        String skippedXml = out.toString();
        out.getBuffer().setLength(0);
        int included =
                run("checklist", repo.toString(), "--secrets-only", "--include-build-output", "--format", "junit");

        assertThat(skipped).isEqualTo(1);
        assertThat(skippedXml).contains("tests=\"1\" failures=\"1\"").contains("app.env:1");
        assertThat(included).isEqualTo(1);
        assertThat(out.toString())
                .contains("tests=\"2\" failures=\"2\"")
                .contains("target/classes/app.env:1")
                .doesNotContain("8ae31c94f0b27d5e61a3c8");
    }

    @Test
    void invalidRuleAndUnknownFormatAreUsageErrors(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules.txt");
        Files.writeString(rules, "ok[a-z]+\n(broken\n");

        assertThat(run("checklist", dir.toString(), "--rules", rules.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains(rules + " line 2: invalid regular expression");
        assertThat(run("checklist", dir.toString(), "--format", "pdf")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--format: unknown format 'pdf'; use one of text, json, markdown, junit, sarif, html");
        assertThat(run("checklist", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("workspace is not a directory");
    }
}
