package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The cluster as a plan sees it: objects looked up by kind and name. Live during {@code plan} and {@code deploy};
 * during {@code resume} it answers from the snapshot taken before the first write, so the resumed plan is the same
 * plan.
 */
public interface ClusterView {
    /** The object in the request's namespace, or null when it does not exist. */
    <T extends HasMetadata> T find(Class<T> type, String name);

    /**
     * Every object of a kind in the request's namespace (e.g. the HorizontalPodAutoscalers, to find one that targets
     * the workload). Views that cannot list answer with nothing.
     */
    default <T extends HasMetadata> List<T> list(Class<T> type) {
        return List.of();
    }
}
