package io.jenkins.plugins.devops.cli;

import io.jenkins.plugins.devops.core.deploy.DeploymentPhase;
import io.jenkins.plugins.devops.core.deploy.DeploymentPlan;
import java.util.List;

/**
 * The JSON shape of a plan ({@code devops plan --format json}): the plan's facts without the Kubernetes object
 * bodies, which are long and would tie the output to fabric8's model.
 */
record PlanView(
        String service,
        String environment,
        String namespace,
        String strategy,
        String version,
        String previousVersion,
        List<Integer> weights,
        List<Phase> phases,
        List<String> notes) {

    record Phase(
            String name,
            int weight,
            long waitBeforeSeconds,
            List<String> writes,
            List<String> awaitRollout,
            List<String> gates,
            long pauseAfterSeconds) {}

    static PlanView of(DeploymentPlan plan) {
        return new PlanView(
                plan.service(),
                plan.environment(),
                plan.namespace(),
                plan.strategy(),
                plan.version(),
                plan.previousVersion(),
                plan.weights(),
                plan.phases().stream().map(PlanView::phase).toList(),
                plan.notes());
    }

    private static Phase phase(DeploymentPhase phase) {
        return new Phase(
                phase.name(),
                phase.weight(),
                phase.waitBefore().toSeconds(),
                phase.writtenObjects(),
                phase.awaitRollout(),
                phase.gates().stream().map(Enum::name).toList(),
                phase.pauseAfter().toSeconds());
    }
}
