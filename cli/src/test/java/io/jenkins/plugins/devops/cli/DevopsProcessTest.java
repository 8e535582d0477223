package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
                .contains("$ devops checklist . --config .devops/checklist.yaml")
                .contains("$ devops plan -f docs/examples/k8s/checkout.yaml --service checkout")
                .contains("$ devops dora --import docs/examples/deployments.csv --window 14d --at latest")
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

    @Test
    void sigtermDuringADeploymentRollsItBackBeforeTheProcessEnds() throws Exception {
        CountDownLatch smokeTestArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/healthz", exchange -> {
            smokeTestArrived.countDown();
            try {
                // Holds the canary in its first step until the test is done.
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        service.setExecutor(Executors.newCachedThreadPool());
        service.start();
        try (MockCluster cluster = MockCluster.start("shop")) {
            Path kubeconfig = Samples.kubeconfig(temp, cluster.url());
            Path gates = Files.writeString(
                    temp.resolve("gates.yaml"),
                    """
                    smokeTests:
                      - name: health
                        url: http://127.0.0.1:%d/healthz
                        timeout: 120s
                    """
                            .formatted(service.getAddress().getPort()));
            assertThat(CliProcess.run(REPOSITORY, deploy(kubeconfig, "rolling", "1.4.1"))
                            .exitCode())
                    .isZero();

            String[] canary = deploy(kubeconfig, "canary", "1.4.2");
            String[] withGates = Arrays.copyOf(canary, canary.length + 2);
            withGates[canary.length] = "--gates";
            withGates[canary.length + 1] = gates.toString();
            CliProcess deployment = CliProcess.start(REPOSITORY, withGates);
            assertThat(smokeTestArrived.await(120, TimeUnit.SECONDS))
                    .as("the canary reached its smoke test")
                    .isTrue();
            deployment.terminate();
            CliResult result = deployment.finish();

            assertThat(result.out()).as(result.toString()).contains("ABORTED: deployment of checkout 1.4.2");
            assertThat(result.exitCode())
                    .as("an aborted, rolled back deployment is a failed one (docs/cli.md), not 143")
                    .isEqualTo(1);
            Deployment stable = cluster.admin()
                    .apps()
                    .deployments()
                    .inNamespace("shop")
                    .withName("checkout")
                    .get();
            assertThat(stable.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("ghcr.io/example/checkout:1.4.1");
            assertThat(stable.getSpec().getReplicas()).isEqualTo(4);
            assertThat(cluster.admin()
                            .apps()
                            .deployments()
                            .inNamespace("shop")
                            .withName("checkout-canary")
                            .get())
                    .isNull();
        } finally {
            release.countDown();
            service.stop(0);
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
