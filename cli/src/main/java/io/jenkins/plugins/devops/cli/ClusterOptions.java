package io.jenkins.plugins.devops.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.kube.KubernetesClients;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --kubeconfig} and {@code --context}: which cluster a command talks to. */
final class ClusterOptions {
    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description = "kubeconfig file. Default: $KUBECONFIG, ~/.kube/config, or the in-cluster service account.")
    Path kubeconfig;

    @Option(
            names = "--context",
            paramLabel = "NAME",
            description = "kubeconfig context to use. Default: the kubeconfig's current context.")
    String context;

    boolean given() {
        return kubeconfig != null || context != null;
    }

    /** A client for the chosen cluster, with the engine's retry and timeout policy. */
    KubernetesClient connect() {
        if (kubeconfig != null) {
            return KubernetesClients.fromKubeconfig(InputFile.read(kubeconfig, "kubeconfig", "--kubeconfig"), context);
        }
        // The same lookup kubectl does: KUBECONFIG, ~/.kube/config, then the pod's service account.
        Config config = Config.autoConfigure(context);
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new UsageException("no cluster found; pass --kubeconfig FILE or run inside a Kubernetes pod");
        }
        return KubernetesClients.build(config);
    }
}
