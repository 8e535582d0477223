package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void demoOnThisRepositoryPlansTheSampleCanaryAndChecksTheWorkspaceContext() {
        CliResult result = CliResult.inProcess("demo", "--repository", Samples.REPOSITORY.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("$ devops checklist ")
                .contains("--config ")
                .containsPattern("Score \\d+\\.\\d/10")
                .contains("$ devops plan -f ")
                .contains("Plan: canary deployment of checkout to staging (namespace shop): 1.4.1 -> 1.4.2")
                .containsPattern("weight +50%")
                .contains("$ devops dora --import ")
                .containsPattern("checkout/production +19 ")
                .contains("overall: deployment frequency ELITE")
                // each verdict shows the target it was judged against: 31m00s restore misses "under 30m00s"
                .contains("failed deployment recovery time ELITE (target not met: under 30m00s)")
                .contains("change failure rate MEDIUM (target not met: under 5.0%)")
                .contains("deployment frequency ELITE (target met: over 1.00 per day)")
                .contains("valid: pipelines.json, infrastructure.json, monitoring.json and tasks/*.json");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void demoOutsideTheRepositorySaysWhereToRunIt(@TempDir Path elsewhere) {
        CliResult result = CliResult.inProcess("demo", "--repository", elsewhere.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops demo: no docs/examples/k8s/checkout.yaml and deployments.csv under " + elsewhere
                        + "; run the demo from the repository root or pass --repository DIR"
                        + System.lineSeparator());
    }
}
