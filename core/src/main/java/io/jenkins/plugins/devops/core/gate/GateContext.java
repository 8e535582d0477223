package io.jenkins.plugins.devops.core.gate;

import java.util.Map;
import java.util.Objects;

/**
 * What a gate needs to know about the deployment it is judging.
 *
 * @param deploymentId the engine's id for this deployment
 * @param service the service being deployed
 * @param environment the target environment (e.g. {@code production})
 * @param namespace the Kubernetes namespace
 * @param strategy the strategy name ({@code rolling}, {@code recreate}, {@code blue-green}, {@code canary})
 * @param point where in the deployment the gate is evaluated
 * @param stepIndex the 0-based index of the traffic step (0 outside canary steps)
 * @param weight the traffic weight of the new version at this moment (0-100)
 * @param revision the new version (image tag or digest, or the request's version)
 * @param previousRevision the version being replaced, empty for a first install
 * @param targets names of the objects the new version runs as, for example {@code canaryDeployment},
 *     {@code stableDeployment}, {@code previewService}, {@code activeService}
 */
public record GateContext(
        String deploymentId,
        String service,
        String environment,
        String namespace,
        String strategy,
        GatePoint point,
        int stepIndex,
        int weight,
        String revision,
        String previousRevision,
        Map<String, String> targets) {
    public GateContext {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(point, "point");
        previousRevision = previousRevision == null ? "" : previousRevision;
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }
}
