package io.jenkins.plugins.devops.core.kube.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.jenkins.plugins.devops.core.kube.KubernetesClients;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A Kubernetes API for tests and benchmarks: the fabric8 mock server in CRUD mode on 127.0.0.1 (free port), behind
 * a {@link RecordingDispatcher}, with a {@link FakeDeploymentController} acting as the Deployment controller.
 *
 * <pre>{@code
 * try (MockCluster cluster = MockCluster.start("shop")) {
 *     DeploymentEngine engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
 *     ...
 *     assertThat(cluster.traffic().writes()).isEmpty();
 * }
 * }</pre>
 */
public final class MockCluster implements AutoCloseable {
    /** Held so the level sticks (JUL keeps loggers only weakly). */
    private static final java.util.logging.Logger MOCK_SERVER_LOG =
            java.util.logging.Logger.getLogger("okhttp3.mockwebserver");

    static {
        // MockWebServer logs every request at INFO; under load that alone slows the tests noticeably.
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final KubernetesMockServer server;
    private final RecordingDispatcher traffic;
    private final KubernetesClient client;
    private final KubernetesClient controllerClient;
    private final FakeDeploymentController controller;
    private final String namespace;

    private MockCluster(String namespace, Duration requestTimeout) {
        this.namespace = namespace;
        traffic = new RecordingDispatcher(new KubernetesCrudDispatcher());
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), traffic, false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        Config engineConfig = KubernetesClients.withRetryPolicy(config("devops-engine-test"));
        engineConfig.setRequestTimeout((int) requestTimeout.toMillis());
        engineConfig.setRequestRetryBackoffInterval(50);
        client = new KubernetesClientBuilder().withConfig(engineConfig).build();
        controllerClient = new KubernetesClientBuilder()
                .withConfig(config(RecordingDispatcher.CONTROLLER_AGENT))
                .build();
        controller = new FakeDeploymentController(controllerClient, namespace).start();
    }

    /** Starts a cluster whose engine client times out requests after 10 s. */
    public static MockCluster start(String namespace) {
        return new MockCluster(namespace, Duration.ofSeconds(10));
    }

    /** Starts a cluster whose engine client times out requests after {@code requestTimeout}. */
    public static MockCluster start(String namespace, Duration requestTimeout) {
        return new MockCluster(namespace, requestTimeout);
    }

    private Config config(String userAgent) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + server.getPort())
                .withNamespace(namespace)
                .withUserAgent(userAgent)
                .withRequestRetryBackoffLimit(0)
                .build();
    }

    /** The client for the code under test (retry policy of {@link KubernetesClients}, recorded, faultable). */
    public KubernetesClient client() {
        return client;
    }

    /** A client that bypasses recording and faults, for arranging and asserting cluster state. */
    public KubernetesClient admin() {
        return controllerClient;
    }

    public RecordingDispatcher traffic() {
        return traffic;
    }

    public FakeDeploymentController controller() {
        return controller;
    }

    public String namespace() {
        return namespace;
    }

    /** Creates or replaces objects directly (not recorded). */
    public void seed(HasMetadata... objects) {
        for (HasMetadata o : objects) {
            o.getMetadata().setNamespace(namespace);
            controllerClient.resource(o).createOr(existing -> existing.update());
        }
    }

    /**
     * A kubeconfig (context {@code mock}, namespace of this cluster, a dummy token) pointing at this server, for
     * code that takes kubeconfig text, e.g. {@code KubernetesClients.fromKubeconfig(cluster.kubeconfig(), "mock")}
     * or the {@code devops} command line.
     */
    public String kubeconfig() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                users:
                  - name: tester
                    user:
                      token: mock-token
                contexts:
                  - name: mock
                    context:
                      cluster: mock
                      user: tester
                      namespace: %s
                current-context: mock
                """
                .formatted(url(), namespace);
    }

    /** The base URL of the API server, e.g. for a kubeconfig. */
    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        controller.close();
        client.close();
        controllerClient.close();
        server.destroy();
    }
}
