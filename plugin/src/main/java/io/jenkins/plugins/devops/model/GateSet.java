package io.jenkins.plugins.devops.model;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devops.config.EnvironmentConfig;
import io.jenkins.plugins.devops.core.analysis.GateFactory;
import io.jenkins.plugins.devops.core.analysis.GateSpec;
import io.jenkins.plugins.devops.core.analysis.approval.ApprovalSpec;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.credentials.RunSecretResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The health gates of one deployment: the step's analysis, smoke tests and webhooks (built by core's
 * {@link GateFactory}) plus, for an environment that requires it, an approval on the build page before any traffic
 * moves.
 */
final class GateSet {
    /** How long a deployment waits for its approval before it counts as rejected. */
    static final Duration APPROVAL_TIMEOUT = Duration.ofHours(24);

    private GateSet() {}

    static List<HealthGate> create(
            DeploySettings settings, Optional<EnvironmentConfig> environment, Run<?, ?> run, TaskListener listener)
            throws AbortException {
        try {
            GateSpec spec = settings.gatesYaml().isEmpty()
                    ? GateSpec.fromMaps(
                            maps(settings.analysis()), maps(settings.smokeTests()), maps(settings.webhooks()))
                    : GateSpec.fromYaml(settings.gatesYaml());
            if (environment.isPresent() && environment.get().isApprovalRequired()) {
                EnvironmentConfig env = environment.get();
                spec = spec.withApproval(new ApprovalSpec(
                        Set.of(env.getName()),
                        GatePoint.PRE_ROLLOUT,
                        "Deploy {{service}} {{revision}} to {{environment}}?",
                        Set.copyOf(env.approverList()),
                        APPROVAL_TIMEOUT));
            }
            return new GateFactory(new RunSecretResolver(run))
                    .withApprover(new JenkinsApprover(run, listener))
                    .create(spec);
        } catch (IllegalArgumentException e) {
            // InvalidGateConfigurationException: says which gate and what to fix; nothing was deployed
            throw new AbortException("devopsDeploy " + settings.service() + ": " + e.getMessage());
        }
    }

    private static List<Map<String, Object>> maps(List<LinkedHashMap<String, Object>> maps) {
        return new ArrayList<>(maps);
    }
}
