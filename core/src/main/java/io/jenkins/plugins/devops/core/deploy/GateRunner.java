package io.jenkins.plugins.devops.core.deploy;

import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Asks the configured gates for a verdict at one point; the first gate that does not pass stops the deployment. */
final class GateRunner {
    /** Points where a verdict other than PASSED rolls the deployment back. */
    private static final Set<GatePoint> BLOCKING =
            EnumSet.of(GatePoint.PRE_ROLLOUT, GatePoint.STEP, GatePoint.CONFIRM_PROMOTION);

    private final List<HealthGate> gates;
    private final DeploymentRequest request;
    private final String deploymentId;
    private final DeploymentPlan plan;
    private final RunLog log;

    GateRunner(
            List<HealthGate> gates, DeploymentRequest request, String deploymentId, DeploymentPlan plan, RunLog log) {
        this.gates = List.copyOf(gates);
        this.request = request;
        this.deploymentId = deploymentId;
        this.plan = plan;
        this.log = log;
    }

    /**
     * @throws GateFailedException when a gate fails at a blocking point
     */
    void evaluate(GatePoint point, int stepIndex, int weight) throws InterruptedException {
        GateContext context = new GateContext(
                deploymentId,
                request.service(),
                request.environment(),
                request.namespace(),
                request.strategy().name(),
                point,
                stepIndex,
                weight,
                request.version(),
                plan.previousVersion(),
                plan.targets());
        for (HealthGate gate : gates) {
            if (!gate.points().contains(point)) {
                continue;
            }
            GateResult result;
            try {
                result = gate.evaluate(context, message -> log.listener().message(gate.name() + ": " + message));
            } catch (InterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                result = new GateResult(
                        gate.name(), point, weight, Verdict.INCONCLUSIVE, "gate error: " + e.getMessage(), List.of());
            }
            if (result == null) {
                result = new GateResult(
                        gate.name(), point, weight, Verdict.INCONCLUSIVE, "gate returned no result", List.of());
            }
            log.gate(result);
            if (!result.isPassed() && BLOCKING.contains(point)) {
                throw new GateFailedException(result);
            }
        }
    }
}
