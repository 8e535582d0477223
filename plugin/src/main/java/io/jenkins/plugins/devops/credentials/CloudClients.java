package io.jenkins.plugins.devops.credentials;

import hudson.AbortException;
import hudson.slaves.Cloud;
import io.jenkins.plugins.devops.jenkins.JenkinsFacade;
import java.io.IOException;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;

/**
 * Borrows the client of a Kubernetes cloud configured in the kubernetes plugin. Only loaded when that optional
 * plugin is installed (see {@link ClusterClientFactory}).
 */
final class CloudClients {
    private CloudClients() {}

    static ClusterClient borrow(JenkinsFacade jenkins, String cloudName) throws IOException {
        Cloud cloud = jenkins.getCloud(cloudName);
        if (!(cloud instanceof KubernetesCloud kubernetesCloud)) {
            throw new AbortException("No Kubernetes cloud named '" + cloudName
                    + "' is configured; add it under Manage Jenkins > Clouds or use credentialsId instead");
        }
        try {
            // The kubernetes plugin caches this client for all its users, so it is not ours to close.
            return new ClusterClient(kubernetesCloud.connect(), false);
        } catch (KubernetesAuthException e) {
            throw new AbortException("Cannot authenticate to Kubernetes cloud '" + cloudName + "': " + e.getMessage());
        }
    }
}
