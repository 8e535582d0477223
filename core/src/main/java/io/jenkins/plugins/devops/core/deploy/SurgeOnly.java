package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.jenkins.plugins.devops.core.deploy.manifest.ManifestSet;
import java.util.Objects;

/**
 * Rollbacks put an old pod template back into a Deployment that serves traffic. With the Deployment's own strategy
 * (Recreate, or Kubernetes' default maxUnavailable 25%) that would take ready pods away; so the template is first
 * written with a surge-only rolling update (maxUnavailable 0, maxSurge 25%, at least one pod) and awaited, and only
 * then the exact old object, whose different strategy alone replaces no pod.
 */
final class SurgeOnly {
    private SurgeOnly() {}

    /** Whether writing {@code target} over {@code live} replaces pods in a way that may cost ready pods. */
    static boolean needed(Deployment live, Deployment target) {
        return live != null
                && live.getSpec() != null
                && target.getSpec() != null
                && !Objects.equals(
                        live.getSpec().getTemplate(), target.getSpec().getTemplate())
                && mayTakePodsAway(target.getSpec().getStrategy());
    }

    /** A copy of {@code d} that replaces its pods surge-only. */
    static Deployment of(Deployment d) {
        Deployment copy = ManifestSet.copy(d);
        copy.setStatus(null);
        copy.getSpec()
                .setStrategy(new DeploymentStrategyBuilder()
                        .withType("RollingUpdate")
                        .withNewRollingUpdate()
                        .withMaxSurge(new IntOrString("25%"))
                        .withMaxUnavailable(new IntOrString(0))
                        .endRollingUpdate()
                        .build());
        return copy;
    }

    /** Recreate, or a rolling update whose maxUnavailable is not 0 (absent means Kubernetes' 25%). */
    private static boolean mayTakePodsAway(DeploymentStrategy strategy) {
        if (strategy == null || strategy.getType() == null || "Recreate".equals(strategy.getType())) {
            return true;
        }
        var rolling = strategy.getRollingUpdate();
        if (rolling == null || rolling.getMaxUnavailable() == null) {
            return true;
        }
        IntOrString u = rolling.getMaxUnavailable();
        return u.getIntVal() != null ? u.getIntVal() != 0 : !("0".equals(u.getStrVal()) || "0%".equals(u.getStrVal()));
    }
}
