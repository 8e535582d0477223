package io.jenkins.plugins.devops.core.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Creates Kubernetes clients with the engine's retry policy: fabric8 retries 5xx, 429 and connection failures with
 * exponential backoff ({@value #RETRY_LIMIT} attempts starting at {@value #RETRY_INTERVAL_MS} ms), and each request
 * times out after {@value #REQUEST_TIMEOUT_MS} ms.
 *
 * <pre>{@code
 * try (KubernetesClient client = KubernetesClients.fromKubeconfig(kubeconfigText, "prod-cluster")) { ... }
 * }</pre>
 */
public final class KubernetesClients {
    /** Retries after the first attempt of a request that got 5xx/429 or failed to connect or timed out. */
    public static final int RETRY_LIMIT = 5;
    /** First backoff interval; it doubles with each retry. */
    public static final int RETRY_INTERVAL_MS = 250;

    public static final int REQUEST_TIMEOUT_MS = 30_000;

    private KubernetesClients() {}

    /**
     * A client from the text of a kubeconfig file.
     *
     * @param contextOrNull the context to use; null for the file's current context
     * @throws IllegalArgumentException when the text is empty or not a usable kubeconfig
     */
    public static KubernetesClient fromKubeconfig(String kubeconfigText, String contextOrNull) {
        if (kubeconfigText == null || kubeconfigText.isBlank()) {
            throw new IllegalArgumentException("kubeconfig is empty; pass the content of a kubeconfig file");
        }
        Config config;
        try {
            config = Config.fromKubeconfig(contextOrNull, kubeconfigText, null);
        } catch (RuntimeException e) {
            // The message of a parse error may quote the file, which holds credentials: do not pass it on.
            throw new IllegalArgumentException("kubeconfig could not be read"
                    + (contextOrNull == null ? "" : " for context '" + contextOrNull + "'")
                    + "; check that it is a valid kubeconfig and the context exists");
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new IllegalArgumentException("kubeconfig names no cluster server"
                    + (contextOrNull == null ? "" : " for context '" + contextOrNull + "'"));
        }
        return build(config);
    }

    /**
     * A client for an API server with a bearer token.
     *
     * @param caCertPemOrNull the cluster's CA certificate in PEM; null to use the JVM's trust store
     * @param skipTlsVerify trust any certificate (test clusters only)
     */
    public static KubernetesClient fromToken(
            String serverUrl, String token, String caCertPemOrNull, boolean skipTlsVerify) {
        if (serverUrl == null || !serverUrl.matches("https?://.+")) {
            throw new IllegalArgumentException(
                    "server URL '" + serverUrl + "' is not an http(s) URL; use e.g. https://k8s.example.com:6443");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token is empty; pass a service account token");
        }
        ConfigBuilder builder = new ConfigBuilder(Config.empty())
                .withMasterUrl(serverUrl)
                .withOauthToken(token.trim())
                .withTrustCerts(skipTlsVerify)
                .withDisableHostnameVerification(skipTlsVerify);
        if (caCertPemOrNull != null && !caCertPemOrNull.isBlank()) {
            builder.withCaCertData(
                    Base64.getEncoder().encodeToString(caCertPemOrNull.getBytes(StandardCharsets.US_ASCII)));
        }
        return build(builder.build());
    }

    /**
     * Applies the engine's retry and timeout policy to a config and builds the client.
     *
     * <p>The HTTP client factory is named here: left to itself fabric8 looks one up with {@code ServiceLoader} on the
     * thread context class loader first, which inside Jenkins may see another plugin's factory, or none.
     */
    public static KubernetesClient build(Config config) {
        return new KubernetesClientBuilder()
                .withHttpClientFactory(new OkHttpClientFactory())
                .withConfig(withRetryPolicy(config))
                .build();
    }

    /** Sets the engine's retry and timeout policy on {@code config} (for callers that build their own client). */
    public static Config withRetryPolicy(Config config) {
        config.setRequestRetryBackoffLimit(RETRY_LIMIT);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MS);
        return config;
    }
}
