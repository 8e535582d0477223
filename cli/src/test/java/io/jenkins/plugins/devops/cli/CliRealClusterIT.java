package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.kube.testing.RealCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code devops} command as a process against the real control plane of {@code ../shared/k8s}: the server's
 * dry-run refusal in one line per object with exit 2, and the way out after {@code kill -9}.
 */
@Tag("real-cluster")
class CliRealClusterIT {
    @TempDir
    Path temp;

    private KubernetesClient client;
    private String ns;
    private String kubeconfig;

    @BeforeEach
    void connect() {
        client = RealCluster.connect();
        ns = RealCluster.createNamespace(client, "cli");
        kubeconfig = RealCluster.lab().resolve("kubeconfig").toString();
    }

    @AfterEach
    void cleanUp() {
        RealCluster.deleteNamespace(client, ns);
        client.close();
    }

    private Path manifests(String podLabel) throws Exception {
        return Files.writeString(
                temp.resolve("shop-" + podLabel + ".yaml"),
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: shop
                spec:
                  selector:
                    app: shop
                  ports:
                    - port: 80
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: shop
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: shop
                  template:
                    metadata:
                      labels:
                        app: %s
                    spec:
                      containers:
                        - name: shop
                          image: registry/shop:1.0.0
                """
                        .formatted(podLabel));
    }

    private String[] args(String command, Path manifests, String... more) {
        List<String> a = new ArrayList<>(List.of(
                command,
                "-f",
                manifests.toString(),
                "--service",
                "shop",
                "--environment",
                "test",
                "--namespace",
                ns,
                "--kubeconfig",
                kubeconfig));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void manifestTheServerRefusesExitsTwoWithItsMessageOnceAndWritesNothing() throws Exception {
        Path bad = manifests("other");

        CliResult deploy = CliProcess.run(temp, args("deploy", bad));
        CliResult plan = CliProcess.run(temp, args("plan", bad));

        assertThat(deploy.exitCode()).as(deploy.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(deploy.err().lines().toList())
                .containsExactly(
                        "devops deploy: the cluster refused 1 object in a server-side dry run, so nothing was changed;"
                                + " fix the manifests:",
                        "  Deployment/shop: Deployment.apps \"shop\" is invalid: spec.template.metadata.labels: Invalid"
                                + " value: map[string]string{\"app\":\"other\"}: `selector` does not match template"
                                + " `labels`");
        assertThat(deploy.out()).isEmpty();
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(plan.err()).contains("`selector` does not match template `labels`");
        assertThat(client.services().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.leases().inNamespace(ns).list().getItems()).isEmpty();
    }

    /** Starts a canary deploy of 1.1.0 over 1.0.0 and kills it with SIGKILL during its first pause. */
    private String[] killDuringTheFirstPause() throws Exception {
        Path good = manifests("shop");
        CliResult first = CliProcess.run(temp, args("deploy", good, "--strategy", "canary", "--steps", "50,100"));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String[] update = args(
                "deploy",
                good,
                "--strategy",
                "canary",
                "--steps",
                "50,100",
                "--pause",
                "15s",
                "--image",
                "registry/shop:1.1.0");
        CliProcess running = CliProcess.start(temp, update);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!running.outSoFar().contains("pausing")) {
            assertThat(Instant.now()).as("deploy reached its pause").isBefore(deadline);
            Thread.sleep(100);
        }
        running.kill();
        assertThat(client.leases().inNamespace(ns).withName("devops-shop-test").get())
                .as("a killed process leaves its lease")
                .isNotNull();
        return update;
    }

    @Test
    void deployKilledMidCanaryIsFinishedByResume() throws Exception {
        String[] update = killDuringTheFirstPause();
        update[0] = "resume";

        CliResult resume = CliProcess.run(temp, update);

        assertThat(resume.exitCode()).as(resume.toString()).isZero();
        assertThat(resume.out())
                .contains("resuming deployment shop-test-")
                .contains("SUCCEEDED: deployment of shop 1.1.0 to test");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("registry/shop:1.1.0");
        assertThat(client.leases().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void deployKilledMidCanaryIsUndoneByAbort() throws Exception {
        killDuringTheFirstPause();

        CliResult abort = CliProcess.run(
                temp,
                "abort",
                "--service",
                "shop",
                "--environment",
                "test",
                "--namespace",
                ns,
                "--kubeconfig",
                kubeconfig);

        assertThat(abort.exitCode()).as(abort.toString()).isZero();
        assertThat(abort.out()).contains("ABORTED: deployment of shop 1.1.0 to test");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("shop-canary")
                        .get())
                .as("created by the killed deploy, so deleted")
                .isNull();
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isEqualTo(2);
        assertThat(client.secrets()
                        .inNamespace(ns)
                        .withName("devops-shop-test-snapshot")
                        .get())
                .isNull();
    }
}
