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
                .contains("$ devops plan -f ")
                .contains("Plan: canary deployment of checkout to staging (namespace shop): 1.4.1 -> 1.4.2")
                .containsPattern("weight +50%")
                .contains("$ devops dora --import ")
                .containsPattern("checkout/production +19 ")
                .contains("overall: deployment frequency ELITE")
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
