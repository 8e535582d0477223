package io.jenkins.plugins.devops.core.checklist;

import static io.jenkins.plugins.devops.core.checklist.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Jenkinsfile alone proves or disproves. */
class PipelineEvidenceTest {
    private static final String LITERAL = "pr0d-" + "db-pass";

    @Test
    void literalCredentialsInTheJenkinsfileFailSecretsManagementWithoutShowingThem(@TempDir Path repo)
            throws IOException {
        Files.writeString(
                repo.resolve("Jenkinsfile"),
                """
                pipeline {
                    agent any
                    environment {
                        DB_PASSWORD = '%s'
                        API_TOKEN = credentials('api-token')
                    }
                    stages {
                        stage('Compile') { steps { sh 'gradle assemble' } }
                        stage('Unit tests') { steps { sh 'gradle test' } }
                    }
                }
                """
                        .formatted(LITERAL));

        ChecklistReport report = new ChecklistEngine().evaluate(new ChecklistRequest(repo, null, null));

        ItemResult secrets = item(report, "security.secrets-management");
        assertThat(secrets.status()).isEqualTo(Status.FAIL);
        assertThat(secrets.evidence())
                .extracting(Evidence::toString)
                .containsExactly("Jenkinsfile:4 — literal credential in the pipeline definition");
        assertThat(report.toString()).doesNotContain(LITERAL);
        assertThat(item(report, "cicd.automated-builds").evidence())
                .extracting(Evidence::location)
                .contains("Jenkinsfile:8");
        ItemResult tests = item(report, "cicd.automated-tests");
        assertThat(tests.status()).isEqualTo(Status.WARN);
        assertThat(tests.summary()).isEqualTo("tests are configured in the pipeline but no JUnit report was found");
    }

    @Test
    void aPipelineWithoutBuildStepsOnlyWarns(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve(".github/workflows"));
        Files.writeString(
                repo.resolve(".github/workflows/lint.yml"), "on: push\njobs:\n  hello:\n    runs-on: ubuntu-latest\n");

        ChecklistReport report = new ChecklistEngine().evaluate(new ChecklistRequest(repo, null, null));

        assertThat(item(report, "cicd.automated-builds").status()).isEqualTo(Status.WARN);
        assertThat(item(report, "cicd.automated-builds").evidence())
                .extracting(Evidence::source)
                .containsExactly(".github/workflows/lint.yml");
    }
}
