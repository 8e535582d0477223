package io.jenkins.plugins.devops.model;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devops.core.analysis.approval.ApprovalDecision;
import io.jenkins.plugins.devops.core.analysis.approval.ApprovalRequest;
import io.jenkins.plugins.devops.core.analysis.approval.Approver;
import io.jenkins.plugins.devops.core.gate.GateProgress;

/** Asks for approval on the build page (an {@link ApprovalAction}) and waits for the answer. */
public final class JenkinsApprover implements Approver {
    private final Run<?, ?> run;
    private final TaskListener listener;

    public JenkinsApprover(Run<?, ?> run, TaskListener listener) {
        this.run = run;
        this.listener = listener;
    }

    @Override
    public ApprovalDecision decide(ApprovalRequest request, GateProgress progress) throws InterruptedException {
        ApprovalAction action = new ApprovalAction(request);
        // A deployment resumed after a restart asks again under the same id; the expired action from before the
        // restart would otherwise own the URL (Jenkins serves the first action with a matching URL name).
        for (ApprovalAction earlier : run.getActions(ApprovalAction.class)) {
            if (earlier.getId().equals(action.getId())) {
                run.removeAction(earlier);
            }
        }
        run.addAction(action);
        String who = request.approvers().isEmpty()
                ? "anyone who may build this job"
                : String.join(", ", request.approvers());
        listener.getLogger()
                .println("[devops] " + request.service() + " → " + request.environment() + ": waiting for approval ("
                        + who + ") on the build page, " + action.getUrlName() + "/: " + request.message());
        progress.update("waiting for approval by " + who);
        ApprovalDecision decision = action.await(request.timeout());
        listener.getLogger()
                .println("[devops] " + (decision.approved() ? "approved" : "rejected")
                        + (decision.decidedBy().isEmpty() ? "" : " by " + decision.decidedBy())
                        + (decision.comment().isEmpty() ? "" : ": " + decision.comment()));
        return decision;
    }
}
