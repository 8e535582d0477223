package io.jenkins.plugins.devops.core.context;

import java.util.List;
import java.util.Objects;

/**
 * Where a service runs after a step: one entry of {@code infrastructure.json}. Carries no credentials: the cluster
 * is named by its kubeconfig context or Jenkins cloud name.
 *
 * @param service the service, a DNS label
 * @param environment e.g. {@code staging}
 * @param namespace the Kubernetes namespace
 * @param cluster kubeconfig context or cloud name, or {@code null}
 * @param production whether the environment is production, or {@code null} when not configured
 * @param strategy {@code rolling}, {@code recreate}, {@code blue-green} or {@code canary}, or {@code null}
 * @param image the image deployed, or {@code null}
 * @param version the version deployed, or {@code null}
 * @param objects the objects the deployment manages
 */
public record DeploymentTarget(
        String service,
        String environment,
        String namespace,
        String cluster,
        Boolean production,
        String strategy,
        String image,
        String version,
        List<ObjectRef> objects) {
    public DeploymentTarget {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(namespace, "namespace");
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    boolean sameTargetAs(DeploymentTarget other) {
        return service.equals(other.service) && environment.equals(other.environment);
    }
}
