package io.jenkins.plugins.devops.core.kube.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.kube.KubernetesClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Kubernetes v1.20 control plane of {@code ../shared/k8s} (kube-apiserver, kube-controller-manager,
 * kube-scheduler, etcd and the fake kubelet), found through {@code $K8S_LAB/kubeconfig} (default
 * {@code ~/.k8s-lab}). Started by {@code .ci/run}, or by hand with {@code bash ../shared/k8s/start.sh}.
 *
 * <p>When it is not running the tests skip with a message saying how to start it, except on CI
 * ({@code CI=true}), where they fail: a suite that silently skips proves nothing.
 *
 * <pre>{@code
 * KubernetesClient client = RealCluster.connect();
 * String ns = RealCluster.createNamespace(client, "canary");
 * ...
 * RealCluster.deleteNamespace(client, ns);
 * }</pre>
 */
public final class RealCluster {
    private RealCluster() {}

    /** The lab folder of the control plane: {@code $K8S_LAB}, default {@code ~/.k8s-lab}. */
    public static Path lab() {
        String env = System.getenv("K8S_LAB");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".k8s-lab");
    }

    /** An admin client for the running control plane; skips the test (fails it on CI) when there is none. */
    public static KubernetesClient connect() {
        Path kubeconfig = lab().resolve("kubeconfig");
        if (!Files.isRegularFile(kubeconfig)) {
            unavailable("no kubeconfig at " + kubeconfig);
        }
        KubernetesClient client;
        try {
            client = KubernetesClients.fromKubeconfig(Files.readString(kubeconfig), null);
        } catch (IOException e) {
            unavailable("cannot read " + kubeconfig + ": " + e.getMessage());
            return null;
        }
        try {
            String ready = client.raw("/readyz");
            if (ready == null || !ready.trim().equals("ok")) {
                client.close();
                unavailable("kube-apiserver /readyz answered '" + ready + "'");
            }
            boolean nodeReady = client.nodes().list().getItems().stream()
                    .anyMatch(n -> n.getStatus().getConditions().stream()
                            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())));
            if (!nodeReady) {
                client.close();
                unavailable("no Ready node (is the fake kubelet running?)");
            }
        } catch (RuntimeException e) {
            client.close();
            unavailable("kube-apiserver not reachable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return client;
    }

    private static void unavailable(String why) {
        String message = "real Kubernetes control plane unavailable: " + why + "; start it with `bash"
                + " ../shared/k8s/start.sh` (build it once with `bash ../shared/k8s/build.sh`), or run .ci/run";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: the real-cluster suite must run, not skip)");
        }
        Assumptions.abort(message);
    }

    /**
     * Creates a namespace of its own for one test, e.g. {@code rc-canary-4f2a1}, and waits until its default
     * ServiceAccount exists (pods are refused before that).
     */
    public static String createNamespace(KubernetesClient client, String purpose) {
        String name = ("rc-" + purpose + "-"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)))
                .toLowerCase(Locale.ROOT);
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .addToLabels("devops.jenkins.io/test", "real-cluster")
                        .endMetadata()
                        .build())
                .create();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (client.serviceAccounts().inNamespace(name).withName("default").get() == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("ServiceAccount default never appeared in namespace " + name);
            }
            sleep(100);
        }
        return name;
    }

    /** Deletes the namespace (its objects go with it, in the background). */
    public static void deleteNamespace(KubernetesClient client, String namespace) {
        if (client != null && namespace != null) {
            client.namespaces().withName(namespace).delete();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
