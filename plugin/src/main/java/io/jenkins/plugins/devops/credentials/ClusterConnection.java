package io.jenkins.plugins.devops.credentials;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a cluster is and how to authenticate to it: either a Jenkins credential (with an optional API server URL)
 * or the name of a Kubernetes cloud from the kubernetes plugin. It holds only the credentials <em>id</em>, never a
 * secret, so it may be kept in a step execution and written to disk.
 */
public final class ClusterConnection implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final String serverUrl;
    private final String caCertificate;
    private final boolean skipTlsVerify;
    private final String context;
    private final String cloud;

    /**
     * @param credentialsId a kubeconfig (secret file or secret text), a token (secret text, with {@code serverUrl})
     *     or any credential kubernetes-credentials can convert (username/password, certificate)
     * @param serverUrl the API server URL; required for tokens and converted credentials, ignored for kubeconfigs
     * @param caCertificate PEM of the API server's CA, empty to use the system trust store
     * @param skipTlsVerify opt-in, per connection, for test clusters only
     * @param context the kubeconfig context, empty for the kubeconfig's current context
     * @param cloud the name of a Kubernetes cloud to reuse instead of a credential
     */
    public ClusterConnection(
            String credentialsId,
            String serverUrl,
            String caCertificate,
            boolean skipTlsVerify,
            String context,
            String cloud) {
        this.credentialsId = trim(credentialsId);
        this.serverUrl = trim(serverUrl);
        this.caCertificate = trim(caCertificate);
        this.skipTlsVerify = skipTlsVerify;
        this.context = trim(context);
        this.cloud = trim(cloud);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getServerUrl() {
        return serverUrl;
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    public boolean isSkipTlsVerify() {
        return skipTlsVerify;
    }

    public String getContext() {
        return context;
    }

    public String getCloud() {
        return cloud;
    }

    public boolean usesCloud() {
        return !cloud.isEmpty();
    }

    /** True when neither a credential nor a cloud is named. */
    public boolean isEmpty() {
        return credentialsId.isEmpty() && cloud.isEmpty();
    }

    /** This connection, with each empty setting taken from {@code fallback} (step settings over environment). */
    public ClusterConnection orElse(ClusterConnection fallback) {
        if (!isEmpty()) {
            return this;
        }
        return fallback;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClusterConnection other)) {
            return false;
        }
        return skipTlsVerify == other.skipTlsVerify
                && credentialsId.equals(other.credentialsId)
                && serverUrl.equals(other.serverUrl)
                && caCertificate.equals(other.caCertificate)
                && context.equals(other.context)
                && cloud.equals(other.cloud);
    }

    @Override
    public int hashCode() {
        return Objects.hash(credentialsId, serverUrl, caCertificate, skipTlsVerify, context, cloud);
    }

    @Override
    public String toString() {
        return usesCloud() ? "cloud '" + cloud + "'" : "credentials '" + credentialsId + "'";
    }
}
