package io.jenkins.plugins.devops.core.analysis.approval;

import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Duration;
import java.util.Set;

/**
 * What the approver is asked.
 *
 * @param id a stable id for the input (e.g. the Jenkins input id), unique per deployment and point
 * @param message the question shown to the user
 * @param service the service
 * @param environment the environment
 * @param revision the new version
 * @param previousRevision the version being replaced
 * @param point where the deployment waits
 * @param weight the canary/preview weight at that moment
 * @param approvers users or groups allowed to approve, empty for anyone with permission
 * @param timeout how long to wait before the request counts as rejected
 */
public record ApprovalRequest(
        String id,
        String message,
        String service,
        String environment,
        String revision,
        String previousRevision,
        GatePoint point,
        int weight,
        Set<String> approvers,
        Duration timeout) {
    public ApprovalRequest {
        approvers = Set.copyOf(approvers);
    }
}
