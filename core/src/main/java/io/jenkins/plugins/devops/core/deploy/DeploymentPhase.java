package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Duration;
import java.util.List;

/**
 * One step of a plan: write these objects (after an optional wait), wait until these Deployments have rolled out,
 * then ask the gates at these points. Phases are plain data derived from the request and the cluster as it was
 * before the deployment, so executing a phase twice writes the same objects again and is harmless.
 *
 * @param name e.g. {@code canary 10%}
 * @param weight traffic percentage of the new version after this phase
 * @param waitBefore how long to wait before writing (blue-green scale-down delay)
 * @param writes the full desired objects this phase writes, in order
 * @param awaitRollout names of Deployments that must be fully rolled out before the gates run; one that this phase
 *     writes is awaited right after its own write, before the next object is written, which is how a strategy says
 *     "scale this side up and wait until it is ready, then shrink the other or move the traffic"
 * @param gates gate points evaluated at the end of the phase, in order
 * @param pauseAfter how long to wait after the gates passed (canary pause)
 */
public record DeploymentPhase(
        String name,
        int weight,
        Duration waitBefore,
        List<HasMetadata> writes,
        List<String> awaitRollout,
        List<GatePoint> gates,
        Duration pauseAfter) {
    public DeploymentPhase {
        waitBefore = waitBefore == null ? Duration.ZERO : waitBefore;
        pauseAfter = pauseAfter == null ? Duration.ZERO : pauseAfter;
        writes = List.copyOf(writes);
        awaitRollout = List.copyOf(awaitRollout);
        gates = List.copyOf(gates);
    }

    /** The objects written, as {@code Kind/name}, with the replica count for Deployments. */
    public List<String> writtenObjects() {
        return writes.stream().map(DeploymentPhase::describe).toList();
    }

    static String describe(HasMetadata o) {
        String ref = o.getKind() + "/" + o.getMetadata().getName();
        if (o instanceof io.fabric8.kubernetes.api.model.apps.Deployment d && d.getSpec() != null) {
            return ref + " (replicas " + d.getSpec().getReplicas() + ")";
        }
        return ref;
    }
}
