package io.jenkins.plugins.devops.core.analysis.approval;

import io.jenkins.plugins.devops.core.analysis.template.Placeholders;
import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateProgress;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.Track;
import java.util.Locale;
import java.util.Set;

/**
 * Waits for a person's approval at one gate point in the environments that require it (e.g. production); other
 * environments pass at once. The asking is done by an {@link Approver} the runner provides.
 */
public final class ApprovalGate implements HealthGate {
    private final ApprovalSpec spec;
    private final Approver approver;

    public ApprovalGate(ApprovalSpec spec, Approver approver) {
        this.spec = spec;
        this.approver = approver;
    }

    @Override
    public String name() {
        return "approval";
    }

    @Override
    public Set<GatePoint> points() {
        return Set.of(spec.point());
    }

    @Override
    public GateResult evaluate(GateContext context, GateProgress progress) throws InterruptedException {
        if (context.point() != spec.point() || !spec.requiredFor(context.environment())) {
            return GateResult.passed(name(), context, "no approval required for " + context.environment());
        }
        ApprovalRequest request = new ApprovalRequest(
                "devops-approval-" + context.deploymentId() + "-"
                        + context.point().name().toLowerCase(Locale.ROOT),
                Placeholders.render(spec.message(), Placeholders.of(context, Track.CANARY)),
                context.service(),
                context.environment(),
                context.revision(),
                context.previousRevision(),
                context.point(),
                context.weight(),
                spec.approvers(),
                spec.timeout());
        progress.update("waiting for approval: " + request.message());
        ApprovalDecision decision = approver.decide(request, progress);
        String by = decision.decidedBy().isEmpty() ? "" : " by " + decision.decidedBy();
        String comment = decision.comment().isEmpty() ? "" : ": " + decision.comment();
        return decision.approved()
                ? GateResult.passed(name(), context, "approved" + by + comment)
                : GateResult.failed(name(), context, "rejected" + by + comment);
    }
}
