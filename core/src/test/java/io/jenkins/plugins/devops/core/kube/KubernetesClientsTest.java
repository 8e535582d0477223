package io.jenkins.plugins.devops.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import org.junit.jupiter.api.Test;

class KubernetesClientsTest {
    private static String kubeconfig(String server, String token) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                users:
                  - name: ci
                    user:
                      token: %s
                contexts:
                  - name: other
                    context: {cluster: mock, user: ci, namespace: default}
                  - name: mock-ctx
                    context: {cluster: mock, user: ci, namespace: shop}
                current-context: other
                """
                .formatted(server, token);
    }

    @Test
    void kubeconfigTextWithNamedContextReachesTheCluster() {
        try (MockCluster cluster = MockCluster.start("shop")) {
            cluster.seed(new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("probe")
                    .endMetadata()
                    .build());
            try (KubernetesClient client =
                    KubernetesClients.fromKubeconfig(kubeconfig(cluster.url(), "s3cr3t-token"), "mock-ctx")) {
                assertThat(client.getConfiguration().getNamespace()).isEqualTo("shop");
                assertThat(client.getConfiguration().getRequestRetryBackoffLimit())
                        .isEqualTo(5);
                assertThat(client.configMaps()
                                .inNamespace("shop")
                                .withName("probe")
                                .get())
                        .isNotNull();
            }
        }
    }

    @Test
    void mockClusterKubeconfigWorksWithItsCurrentContext() {
        try (MockCluster cluster = MockCluster.start("shop")) {
            cluster.seed(new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("probe")
                    .endMetadata()
                    .build());
            try (KubernetesClient client = KubernetesClients.fromKubeconfig(cluster.kubeconfig(), null)) {
                assertThat(client.configMaps().withName("probe").get()).isNotNull();
            }
        }
    }

    @Test
    void tokenAndServerReachTheCluster() {
        try (MockCluster cluster = MockCluster.start("shop")) {
            cluster.seed(new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("probe")
                    .endMetadata()
                    .build());
            try (KubernetesClient client = KubernetesClients.fromToken(cluster.url(), "t0ken", null, false)) {
                assertThat(client.configMaps()
                                .inNamespace("shop")
                                .withName("probe")
                                .get())
                        .isNotNull();
            }
        }
    }

    @Test
    void unreadableKubeconfigDoesNotEchoItsContent() {
        assertThatThrownBy(() -> KubernetesClients.fromKubeconfig("token: s3cr3t-token\n  : [", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kubeconfig could not be read")
                .hasMessageNotContaining("s3cr3t-token");
        assertThatThrownBy(() -> KubernetesClients.fromKubeconfig(" ", null)).hasMessageContaining("empty");
    }

    @Test
    void badServerOrTokenIsRefused() {
        assertThatThrownBy(() -> KubernetesClients.fromToken("k8s.example.com", "t", null, false))
                .hasMessageContaining("is not an http(s) URL");
        assertThatThrownBy(() -> KubernetesClients.fromToken("https://k8s.example.com", " ", null, false))
                .hasMessageContaining("token is empty");
    }
}
