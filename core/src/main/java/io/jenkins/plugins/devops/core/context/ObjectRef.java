package io.jenkins.plugins.devops.core.context;

import java.util.Objects;

/**
 * A Kubernetes object a deployment manages.
 *
 * @param kind e.g. {@code Deployment}
 * @param name e.g. {@code checkout-canary}
 */
public record ObjectRef(String kind, String name) {
    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
