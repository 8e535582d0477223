package io.jenkins.plugins.devops.core.context;

import java.util.Objects;

/**
 * The environment a task works on.
 *
 * @param name e.g. {@code production}
 * @param namespace the Kubernetes namespace, or {@code null}
 * @param production whether it is production, or {@code null} when not configured
 */
public record TaskEnvironment(String name, String namespace, Boolean production) {
    public TaskEnvironment {
        Objects.requireNonNull(name, "name");
    }
}
