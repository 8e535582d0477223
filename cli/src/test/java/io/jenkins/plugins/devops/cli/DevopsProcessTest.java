package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a separate JVM ({@code java -cp <built classes> DevopsCommand}): real exit codes from
 * {@code System.exit}, real stdout and stderr, the working directory a user would have.
 */
class DevopsProcessTest {
    private static final Path REPOSITORY = Samples.REPOSITORY;

    @TempDir
    Path temp;

    @Test
    void versionExitsZeroAndPrintsTheVersion() throws Exception {
        CliResult result = CliProcess.run(REPOSITORY, "--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("devops 0.1.0-SNAPSHOT");
    }

    @Test
    void badOptionExitsTwoWithOneLineOnStderr() throws Exception {
        CliResult result = CliProcess.run(REPOSITORY, "--bogus");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("devops: Unknown option: '--bogus' (see 'devops --help')\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void demoFromTheRepositoryRootExitsZero() throws Exception {
        CliResult result = CliProcess.run(REPOSITORY, "demo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("$ devops plan -f docs/examples/k8s/checkout.yaml --service checkout")
                .contains("Plan: canary deployment of checkout to staging (namespace shop): 1.4.1 -> 1.4.2");
    }

    @Test
    void planWithAMissingManifestExitsTwoWithTheFix() throws Exception {
        CliResult result = CliProcess.run(
                REPOSITORY, "plan", "-f", "k8s/nope.yaml", "--service", "checkout", "--environment", "staging");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops plan: manifest file 'k8s/nope.yaml' does not exist; pass an existing file with"
                        + " -f\n");
    }

    @Test
    void deployAgainstAClusterExitsZeroAndAFailedOneExitsOne() throws Exception {
        try (MockCluster cluster = MockCluster.start("shop")) {
            Path kubeconfig = Samples.kubeconfig(temp, cluster.url());
            cluster.controller().crashLoop("ghcr.io/example/checkout:1.4.3");

            CliResult installed = CliProcess.run(REPOSITORY, deploy(kubeconfig, "rolling", "1.4.1"));
            CliResult failed = CliProcess.run(REPOSITORY, deploy(kubeconfig, "canary", "1.4.3"));

            assertThat(installed.exitCode()).as(installed.toString()).isZero();
            assertThat(installed.out()).contains("SUCCEEDED: deployment of checkout 1.4.1 to staging");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.out()).contains("FAILED_ROLLED_BACK: deployment of checkout 1.4.3 to staging");
            assertThat(installed.out() + installed.err() + failed.out() + failed.err())
                    .doesNotContain(Samples.TOKEN);
        }
    }

    private static String[] deploy(Path kubeconfig, String strategy, String version) {
        return new String[] {
            "deploy",
            "-f",
            "docs/examples/k8s/checkout.yaml",
            "--service",
            "checkout",
            "--environment",
            "staging",
            "--strategy",
            strategy,
            "--image",
            "ghcr.io/example/checkout:" + version,
            "--kubeconfig",
            kubeconfig.toString()
        };
    }
}
