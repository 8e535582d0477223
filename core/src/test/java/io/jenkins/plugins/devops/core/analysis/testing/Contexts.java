package io.jenkins.plugins.devops.core.analysis.testing;

import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.util.Map;

/** Gate contexts for tests. */
public final class Contexts {
    private Contexts() {}

    public static GateContext at(GatePoint point, String service, String namespace) {
        return new GateContext(
                "deploy-42",
                service,
                "staging",
                namespace,
                "canary",
                point,
                1,
                20,
                "v2",
                "v1",
                Map.of("canaryDeployment", service + "-canary", "stableDeployment", service));
    }

    public static GateContext step(String service, String namespace) {
        return at(GatePoint.STEP, service, namespace);
    }
}
