package io.jenkins.plugins.devops.core.analysis.approval;

import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * When approval is required.
 *
 * @param environments the environments that need approval (e.g. {@code production}); empty means every environment
 * @param point where the deployment waits for it (default {@link GatePoint#CONFIRM_PROMOTION})
 * @param message the question, with placeholders
 * @param approvers users or groups allowed to approve
 * @param timeout how long to wait
 */
public record ApprovalSpec(
        Set<String> environments, GatePoint point, String message, Set<String> approvers, Duration timeout) {
    public ApprovalSpec {
        environments = Set.copyOf(environments);
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(message, "message");
        approvers = Set.copyOf(approvers);
        Objects.requireNonNull(timeout, "timeout");
    }

    public boolean requiredFor(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }
}
