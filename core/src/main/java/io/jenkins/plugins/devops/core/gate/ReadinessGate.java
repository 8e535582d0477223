package io.jenkins.plugins.devops.core.gate;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Passes when every replica of the new version's Deployment ({@code newDeployment} in the context's targets) is
 * ready. The engine already waits for the rollout; this gate re-checks at the moment of the verdict, so pods that
 * stopped being ready between the rollout and the gate are caught. One GET per evaluation.
 */
public final class ReadinessGate implements HealthGate {
    private final KubernetesClient client;

    public ReadinessGate(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "readiness";
    }

    @Override
    public Set<GatePoint> points() {
        return EnumSet.of(GatePoint.STEP, GatePoint.CONFIRM_PROMOTION);
    }

    @Override
    public GateResult evaluate(GateContext context, GateProgress progress) {
        String name = context.targets().get("newDeployment");
        if (name == null) {
            return new GateResult(
                    name(),
                    context.point(),
                    context.weight(),
                    Verdict.INCONCLUSIVE,
                    "the engine named no newDeployment target",
                    List.of());
        }
        Deployment d = client.apps()
                .deployments()
                .inNamespace(context.namespace())
                .withName(name)
                .get();
        if (d == null) {
            return GateResult.failed(name(), context, "Deployment " + name + " is gone");
        }
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        int ready = d.getStatus() == null || d.getStatus().getReadyReplicas() == null
                ? 0
                : d.getStatus().getReadyReplicas();
        String summary = name + ": " + ready + "/" + desired + " pods ready";
        progress.update(summary);
        return ready >= desired
                ? GateResult.passed(name(), context, summary)
                : GateResult.failed(name(), context, summary);
    }
}
