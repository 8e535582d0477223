package io.jenkins.plugins.devops.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;

/**
 * Says in one line why the Kubernetes API could not be used and what to check. fabric8's own message only names
 * the operation ("Operation: [get] for kind: [Deployment] ... failed."); the reason is in the status or the cause.
 */
final class ClusterErrors {
    private ClusterErrors() {}

    static String describe(KubernetesClientException e) {
        int code = e.getCode();
        if (code == 401) {
            return "the Kubernetes API rejected the credentials (HTTP 401); check the user in --kubeconfig";
        }
        if (code == 403) {
            return "the Kubernetes API denied access (HTTP 403" + status(e) + "); grant the user the RBAC rights"
                    + " on Deployments, Services and Leases in the namespace";
        }
        if (code > 0) {
            return "the Kubernetes API answered HTTP " + code + status(e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IOException) {
            return "cannot reach the Kubernetes API server (" + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage())
                    + "); check --kubeconfig and --context, and that the cluster is up";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String status(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null
                ? ": " + e.getStatus().getMessage()
                : "";
    }
}
