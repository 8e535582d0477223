package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.kube.DeploymentLease;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.testing.RefusedPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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
    void rollbackToAnUnknownVersionSaysWhichVersionsExist() {
        assertThat(deploy("rolling", "1.4.1").exitCode()).isZero();
        assertThat(deploy("rolling", "1.4.2").exitCode()).isZero();

        CliResult result = rollback("--revision", "0.9.0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops rollback: Deployment/checkout has no revision or version '0.9.0' in its history"
                        + " (2 ReplicaSets kept; see revisionHistoryLimit)" + NL);
        assertThat(image("checkout")).isEqualTo(IMAGE + "1.4.2");
    }

    @Test
    void rollbackOfAServiceNeverDeployedIsRefused() {
        CliResult result = rollback();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops rollback: no Deployment of service checkout in environment staging (labels"
                        + " devops.jenkins.io/service, devops.jenkins.io/environment) in namespace shop; only"
                        + " deployments made by this engine can be rolled back" + NL);
        assertThat(cluster.admin()
                        .apps()
                        .deployments()
                        .inNamespace("shop")
                        .list()
                        .getItems())
                .isEmpty();
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
    void smokeTestFromTheGatesFileDecidesTheDeployment() throws Exception {
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger status = new AtomicInteger(200);
        AtomicInteger calls = new AtomicInteger();
        service.createContext("/healthz", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        service.start();
        try {
            Path gates = Files.writeString(
                    temp.resolve("gates.yaml"),
                    """
                    smokeTests:
                      - name: health
                        url: http://127.0.0.1:%d/healthz
                    """
                            .formatted(service.getAddress().getPort()));
            assertThat(deploy("rolling", "1.4.1").exitCode()).isZero();

            CliResult passed = deploy("canary", "1.4.2", "--steps", "50,100", "--gates", gates.toString());
            status.set(503);
            CliResult failed = deploy("canary", "1.4.3", "--steps", "50,100", "--gates", gates.toString());

            assertThat(passed.exitCode()).as(passed.toString()).isZero();
            assertThat(passed.out()).contains("gate smoke-tests: PASSED");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(failed.out())
                    .contains("gate smoke-tests: FAILED")
                    .contains("FAILED_ROLLED_BACK: deployment of checkout 1.4.3");
            assertThat(image("checkout")).isEqualTo(IMAGE + "1.4.2");
            assertThat(calls.get()).isGreaterThanOrEqualTo(2);
        } finally {
            service.stop(0);
        }
    }

    @Test
    void invalidGatesFileIsAUsageErrorBeforeAnyWrite() throws Exception {
        Path gates = Files.writeString(
                temp.resolve("gates.yaml"),
                """
                smokeTest:
                  - url: http://127.0.0.1:1/healthz
                """);

        CliResult result = deploy("rolling", "1.4.1", "--gates", gates.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("devops deploy: gate configuration: unknown key 'smokeTest'");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(cluster.traffic().writes()).isEmpty();
    }

    @Test
    void gateCredentialMissingFromTheEnvironmentIsAUsageError() throws Exception {
        Path gates = Files.writeString(
                temp.resolve("gates.yaml"),
                """
                webhooks:
                  - name: qa
                    url: http://127.0.0.1:1/hook
                    credentialsId: DEVOPS_TEST_UNSET_SECRET
                """);

        CliResult result = deploy("rolling", "1.4.1", "--gates", gates.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops deploy: webhook 'qa': credentials 'DEVOPS_TEST_UNSET_SECRET' were not found or are"
                        + " empty; create them or fix credentialsId" + NL);
        assertThat(cluster.traffic().writes()).isEmpty();
    }

    @Test
    void deploymentWhileAnotherHoldsTheLeaseIsRefusedNamingTheHolder() {
        new DeploymentLease(cluster.admin(), "shop", "devops-checkout-staging", Clock.systemUTC())
                .acquire("checkout-staging-other (alice)", Duration.ofMinutes(10), message -> {});

        CliResult result = deploy("rolling", "1.4.1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err())
                .startsWith("devops deploy: failed: another deployment of this service and environment is running:"
                        + " lease shop/devops-checkout-staging is held by 'checkout-staging-other (alice)' until ")
                .endsWith("; wait for it to finish, or abort it" + NL);
        assertThat(cluster.admin()
                        .apps()
                        .deployments()
                        .inNamespace("shop")
                        .withName("checkout")
                        .get())
                .isNull();
    }

    @Test
    void unknownContextIsAUsageErrorListingTheContexts() {
        CliResult result = deploy("rolling", "1.4.1", "--context", "prod");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo(
                        "devops deploy: kubeconfig '" + kubeconfig + "' has no context 'prod'; use one of [mock]" + NL);
        assertThat(cluster.traffic().writes()).isEmpty();
    }

    @Test
    void unreachableClusterFailsWithWhatToCheckAndNoSecret() throws Exception {
        CliResult result;
        try (RefusedPort down = RefusedPort.reserve()) {
            Path unreachable = Samples.kubeconfig(Files.createDirectory(temp.resolve("down")), down.url(""));
            result = CliResult.inProcess(
                    "deploy",
                    "-f",
                    Samples.CHECKOUT.toString(),
                    "--service",
                    "checkout",
                    "--environment",
                    "staging",
                    "--kubeconfig",
                    unreachable.toString());
        }

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err())
                .startsWith("devops deploy: failed: cannot reach the Kubernetes API server (")
                .endsWith("); check --kubeconfig and --context, and that the cluster is up" + NL)
                .doesNotContain(Samples.TOKEN);
        assertThat(result.err().lines()).hasSize(1);
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

    private CliResult rollback(String... extra) {
        String[] base = {
            "rollback",
            "--service",
            "checkout",
            "--environment",
            "staging",
            "--namespace",
            "shop",
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
