package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devops deploy} and {@code devops rollback} against the fabric8 mock server with a fake controller. */
class DeployCommandTest {
    private static final String NL = System.lineSeparator();
    private static final String IMAGE = "ghcr.io/example/checkout:";

    @TempDir
    Path temp;

    private MockCluster cluster;
    private Path kubeconfig;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = MockCluster.start("shop");
        kubeconfig = Samples.kubeconfig(temp, cluster.url());
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void canaryDeploymentPrintsProgressPerPhaseAndTheOutcome() {
        assertThat(deploy("rolling", "1.4.1").exitCode()).isZero();

        CliResult result = deploy("canary", "1.4.2", "--steps", "25,100");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("[1/")
                .contains("canary 25%")
                .contains("gate readiness: PASSED")
                .contains("SUCCEEDED: deployment of checkout 1.4.2 to staging (namespace shop, canary)")
                .contains("previous version: 1.4.1")
                .doesNotContain(Samples.TOKEN);
        assertThat(image("checkout")).isEqualTo(IMAGE + "1.4.2");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void crashLoopingVersionIsRolledBackAndExitsOne() {
        assertThat(deploy("rolling", "1.4.1").exitCode()).isZero();
        cluster.controller().crashLoop(IMAGE + "1.4.3");

        CliResult result = deploy("canary", "1.4.3", "--steps", "50,100");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.out())
                .contains("FAILED_ROLLED_BACK: deployment of checkout 1.4.3 to staging")
                .contains("reason: ");
        assertThat(image("checkout")).isEqualTo(IMAGE + "1.4.1");
    }

    @Test
    void jsonFormatPrintsTheRecordOnStdoutAndProgressOnStderr() throws Exception {
        CliResult result = deploy("rolling", "1.4.1", "--format", "json", "--commit", "3f2a9c1@2026-11-20T10:00:00Z");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode record = CliJson.MAPPER.readTree(result.out());
        assertThat(record.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(record.get("version").asText()).isEqualTo("1.4.1");
        assertThat(record.get("commits").get(0).get("sha").asText()).isEqualTo("3f2a9c1");
        assertThat(result.err()).contains("[1/");
    }

    @Test
    void rollbackReturnsToThePreviousVersion() {
        assertThat(deploy("rolling", "1.4.1").exitCode()).isZero();
        assertThat(deploy("rolling", "1.4.2").exitCode()).isZero();

        CliResult result = CliResult.inProcess(
                "rollback",
                "--service",
                "checkout",
                "--environment",
                "staging",
                "--namespace",
                "shop",
                "--kubeconfig",
                kubeconfig.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("SUCCEEDED: rollback of checkout");
        assertThat(image("checkout")).isEqualTo(IMAGE + "1.4.1");
    }

    @Test
    void missingKubeconfigIsAUsageErrorAndNothingIsWritten() {
        CliResult result = CliResult.inProcess(
                "deploy",
                "-f",
                Samples.CHECKOUT.toString(),
                "--service",
                "checkout",
                "--environment",
                "staging",
                "--kubeconfig",
                "missing-kubeconfig");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops deploy: kubeconfig 'missing-kubeconfig' does not exist; pass an existing file with"
                        + " --kubeconfig" + NL);
        assertThat(cluster.traffic().writes()).isEmpty();
    }

    @Test
    void invalidServiceNameIsRejectedBeforeAnyWrite() {
        CliResult result = CliResult.inProcess(
                "deploy",
                "-f",
                Samples.CHECKOUT.toString(),
                "--service",
                "Checkout_Service",
                "--environment",
                "staging",
                "--kubeconfig",
                kubeconfig.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("devops deploy: service 'Checkout_Service' is not a valid Kubernetes name;");
        assertThat(cluster.traffic().writes()).isEmpty();
    }

    @Test
    void maxRestartsBelowOneIsAUsageError() {
        CliResult result = deploy("rolling", "1.4.1", "--max-restarts", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("devops deploy: --max-restarts must be 1 or more, got 0" + NL);
        assertThat(cluster.traffic().writes()).isEmpty();
    }

    private CliResult deploy(String strategy, String version, String... extra) {
        String[] base = {
            "deploy",
            "-f",
            Samples.CHECKOUT.toString(),
            "--service",
            "checkout",
            "--environment",
            "staging",
            "--strategy",
            strategy,
            "--image",
            IMAGE + version,
            "--kubeconfig",
            kubeconfig.toString()
        };
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliResult.inProcess(all);
    }

    private String image(String deployment) {
        Deployment d = cluster.admin()
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName(deployment)
                .get();
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }
}
