package io.jenkins.plugins.devops.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.kube.KubernetesClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
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

    /** The context names a kubeconfig defines, read safely; the file's other content (secrets) is not kept. */
    private static List<String> contextNames(String kubeconfigText) {
        List<String> names = new ArrayList<>();
        try {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(kubeconfigText);
            if (document instanceof Map<?, ?> root && root.get("contexts") instanceof List<?> contexts) {
                for (Object entry : contexts) {
                    if (entry instanceof Map<?, ?> named && named.get("name") != null) {
                        names.add(String.valueOf(named.get("name")));
                    }
                }
            }
        } catch (YAMLException e) {
            // Not YAML: KubernetesClients reports it without quoting the file, which may hold credentials.
            throw new UsageException("kubeconfig is not valid YAML; check the file given with --kubeconfig");
        }
        return names;
    }

    boolean given() {
        return kubeconfig != null || context != null;
    }

    /** A client for the chosen cluster, with the engine's retry and timeout policy. */
    KubernetesClient connect() {
        if (kubeconfig != null) {
            String text = InputFile.read(kubeconfig, "kubeconfig", "--kubeconfig");
            if (context != null) {
                List<String> contexts = contextNames(text);
                if (!contexts.contains(context)) {
                    throw new UsageException(
                            "kubeconfig '" + kubeconfig + "' has no context '" + context + "'; use one of " + contexts);
                }
            }
            return KubernetesClients.fromKubeconfig(text, context);
        }
        // The same lookup kubectl does: KUBECONFIG, ~/.kube/config, then the pod's service account.
        Config config = Config.autoConfigure(context);
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new UsageException("no cluster found; pass --kubeconfig FILE or run inside a Kubernetes pod");
        }
        return KubernetesClients.build(config);
    }
}
