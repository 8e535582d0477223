package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.function.Function;

/**
 * Notices when something else (a HorizontalPodAutoscaler, a person with kubectl) changed the replica count of a
 * Deployment the phase had just written, typically during a canary pause: with replica-ratio canaries the split
 * then no longer is the planned weight, and the record says what it really is, e.g. {@code traffic to the new
 * version is 17% (1 canary + 5 stable pods), not the planned 25%}.
 */
final class RescaleCheck {
    private RescaleCheck() {}

    /**
     * @param live the Deployment as the engine's watch sees it now, by name (null when unknown)
     */
    static void afterPhase(DeploymentPlan plan, DeploymentPhase phase, Function<String, Deployment> live, RunLog log) {
        boolean rescaled = false;
        for (HasMetadata o : phase.writes()) {
            if (!(o instanceof Deployment written) || written.getSpec() == null) {
                continue;
            }
            Integer planned = written.getSpec().getReplicas();
            Integer now = replicas(live.apply(written.getMetadata().getName()));
            if (planned != null && now != null && !planned.equals(now)) {
                rescaled = true;
                log.event("Deployment/" + written.getMetadata().getName() + " was rescaled from " + planned + " to "
                        + now + " replicas during phase '" + phase.name() + "' (by an autoscaler?)");
            }
        }
        String canary = plan.targets().get("canaryDeployment");
        String stable = plan.targets().get("stableDeployment");
        // Routed canaries carry the weight in the HTTPRoute; only replica ratios are bent by a rescale.
        if (!rescaled || canary == null || stable == null || plan.targets().containsKey("httpRoute")) {
            return;
        }
        Integer c = replicas(live.apply(canary));
        Integer s = replicas(live.apply(stable));
        if (c == null || s == null || c + s == 0 || phase.weight() >= 100) {
            return;
        }
        int real = (int) Math.round(100.0 * c / (c + s));
        Integer pc = writtenReplicas(phase, canary);
        Integer ps = writtenReplicas(phase, stable);
        String planned = pc == null || ps == null || pc + ps == 0
                ? phase.weight() + "%"
                : Math.round(100.0 * pc / (pc + ps)) + "% (" + pc + " + " + ps + ")";
        log.event("traffic to the new version is " + real + "% (" + c + " canary + " + s + " stable pods), not the"
                + " planned " + planned);
    }

    private static Integer writtenReplicas(DeploymentPhase phase, String name) {
        return phase.writes().stream()
                .filter(o ->
                        o instanceof Deployment && o.getMetadata().getName().equals(name))
                .map(o -> replicas((Deployment) o))
                .reduce((first, last) -> last)
                .orElse(null);
    }

    private static Integer replicas(Deployment d) {
        return d == null || d.getSpec() == null ? null : d.getSpec().getReplicas();
    }
}
