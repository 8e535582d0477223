package io.jenkins.plugins.devops.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.kube.KubernetesClients;
import io.jenkins.plugins.devops.jenkins.JenkinsFacade;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jenkins.authentication.tokens.api.AuthenticationTokens;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuth;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthConfig;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns a {@link ClusterConnection} into a fabric8 client, resolving the credential in the context of the run (so
 * the run's authentication decides what it may use, and the use is tracked). Secrets go straight into the client
 * configuration and are never logged or returned.
 *
 * <p>Accepted credentials: a kubeconfig as a secret file or as secret text (when no server URL is given); a token
 * as secret text together with a server URL; anything the kubernetes-credentials plugin converts to
 * {@link KubernetesAuth} (username/password, client certificate, ...), together with a server URL.
 */
public class ClusterClientFactory {
    private final JenkinsFacade jenkins;
    private final io.jenkins.plugins.util.JenkinsFacade plugins;

    public ClusterClientFactory() {
        this(new JenkinsFacade(), new io.jenkins.plugins.util.JenkinsFacade());
    }

    ClusterClientFactory(JenkinsFacade jenkins, io.jenkins.plugins.util.JenkinsFacade plugins) {
        this.jenkins = jenkins;
        this.plugins = plugins;
    }

    /** Connects as the given run; the caller closes the result. */
    public ClusterClient connect(ClusterConnection connection, Run<?, ?> run) throws IOException {
        if (connection.usesCloud()) {
            if (!plugins.isPluginInstalled("kubernetes")) {
                throw new AbortException("cloud: '" + connection.getCloud()
                        + "' needs the Kubernetes plugin; install it or use credentialsId instead");
            }
            return CloudClients.borrow(jenkins, connection.getCloud());
        }
        if (connection.getCredentialsId().isEmpty()) {
            throw new AbortException("No cluster connection: set credentialsId (a kubeconfig or token credential) or"
                    + " cloud, or configure them for the environment under Manage Jenkins > System");
        }
        StandardCredentials credentials =
                CredentialsProvider.findCredentialById(connection.getCredentialsId(), StandardCredentials.class, run);
        if (credentials == null) {
            throw new AbortException("Credentials '" + connection.getCredentialsId()
                    + "' not found, or this build may not use them; check the id and the credential's scope");
        }
        try {
            return new ClusterClient(clientFor(connection, credentials), true);
        } catch (IllegalArgumentException e) {
            // core's messages name the problem without quoting the kubeconfig or token
            throw new AbortException("Credentials '" + connection.getCredentialsId() + "': " + e.getMessage());
        }
    }

    private static KubernetesClient clientFor(ClusterConnection connection, StandardCredentials credentials)
            throws IOException {
        if (credentials instanceof FileCredentials file) {
            return KubernetesClients.fromKubeconfig(read(file), contextOrNull(connection));
        }
        if (credentials instanceof StringCredentials text) {
            String secret = text.getSecret().getPlainText();
            if (connection.getServerUrl().isEmpty()) {
                return KubernetesClients.fromKubeconfig(secret, contextOrNull(connection));
            }
            return KubernetesClients.fromToken(
                    connection.getServerUrl(),
                    secret,
                    connection.getCaCertificate().isEmpty() ? null : connection.getCaCertificate(),
                    connection.isSkipTlsVerify());
        }
        return KubernetesClients.build(converted(connection, credentials));
    }

    private static String contextOrNull(ClusterConnection connection) {
        return connection.getContext().isEmpty() ? null : connection.getContext();
    }

    /** Username/password, certificates and others, through the kubernetes-credentials conversion. */
    private static Config converted(ClusterConnection connection, StandardCredentials credentials)
            throws AbortException {
        if (connection.getServerUrl().isEmpty()) {
            throw new AbortException("Credentials '" + connection.getCredentialsId()
                    + "' are not a kubeconfig; set serverUrl to the Kubernetes API server URL");
        }
        KubernetesAuth auth = AuthenticationTokens.convert(KubernetesAuth.class, credentials);
        if (auth == null) {
            throw new AbortException("Credentials '" + connection.getCredentialsId()
                    + "' cannot authenticate to Kubernetes; use a kubeconfig (secret file or text), a token (secret"
                    + " text), username/password or a client certificate");
        }
        ConfigBuilder builder = new ConfigBuilder(Config.empty())
                .withMasterUrl(connection.getServerUrl())
                .withTrustCerts(connection.isSkipTlsVerify())
                .withDisableHostnameVerification(connection.isSkipTlsVerify());
        if (!connection.getCaCertificate().isEmpty()) {
            // fabric8 wants the PEM itself base64-encoded
            builder = builder.withCaCertData(Base64.getEncoder()
                    .encodeToString(connection.getCaCertificate().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return auth.decorate(
                            builder,
                            new KubernetesAuthConfig(
                                    connection.getServerUrl(),
                                    connection.getCaCertificate().isEmpty() ? null : connection.getCaCertificate(),
                                    connection.isSkipTlsVerify()))
                    .build();
        } catch (KubernetesAuthException e) {
            throw new AbortException("Credentials '" + connection.getCredentialsId()
                    + "' could not be turned into a Kubernetes configuration: " + e.getMessage());
        }
    }

    private static String read(FileCredentials file) throws IOException {
        try (InputStream in = file.getContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
