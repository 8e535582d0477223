package io.jenkins.plugins.devops.core.gate;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Fails when a pod of the new version restarts too often or sits in CrashLoopBackOff: a crash-looping pod can look
 * ready between restarts, so readiness alone misses it. Two requests per evaluation (the Deployment for its
 * selector, then its pods).
 */
public final class CrashLoopGate implements HealthGate {
    private final KubernetesClient client;
    private final int maxRestarts;

    /**
     * @param maxRestarts restarts of any container of any new pod at which the gate fails (e.g. 3)
     */
    public CrashLoopGate(KubernetesClient client, int maxRestarts) {
        if (maxRestarts < 1) {
            throw new IllegalArgumentException("maxRestarts must be at least 1");
        }
        this.client = client;
        this.maxRestarts = maxRestarts;
    }

    @Override
    public String name() {
        return "crash-loop";
    }

    @Override
    public Set<GatePoint> points() {
        return EnumSet.of(GatePoint.STEP, GatePoint.CONFIRM_PROMOTION);
    }

    @Override
    public GateResult evaluate(GateContext context, GateProgress progress) {
        String name = context.targets().get("newDeployment");
        Deployment d = name == null
                ? null
                : client.apps()
                        .deployments()
                        .inNamespace(context.namespace())
                        .withName(name)
                        .get();
        if (d == null) {
            return new GateResult(
                    name(),
                    context.point(),
                    context.weight(),
                    Verdict.INCONCLUSIVE,
                    "Deployment " + name + " not found",
                    List.of());
        }
        List<Pod> pods = client.pods()
                .inNamespace(context.namespace())
                .withLabels(d.getSpec().getSelector().getMatchLabels())
                .list()
                .getItems();
        int worst = 0;
        for (Pod pod : pods) {
            List<ContainerStatus> statuses =
                    pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
            if (statuses == null) {
                continue;
            }
            for (ContainerStatus c : statuses) {
                int restarts = c.getRestartCount() == null ? 0 : c.getRestartCount();
                boolean backOff = c.getState() != null
                        && c.getState().getWaiting() != null
                        && "CrashLoopBackOff".equals(c.getState().getWaiting().getReason());
                if (backOff || restarts >= maxRestarts) {
                    return GateResult.failed(
                            name(),
                            context,
                            "pod " + pod.getMetadata().getName() + " container "
                                    + c.getName() + " is crash-looping: " + restarts + " restarts"
                                    + (backOff ? ", CrashLoopBackOff" : "") + " (limit " + maxRestarts + ")");
                }
                worst = Math.max(worst, restarts);
            }
        }
        return GateResult.passed(
                name(), context, pods.size() + " pods of " + name + ", at most " + worst + " restarts");
    }
}
