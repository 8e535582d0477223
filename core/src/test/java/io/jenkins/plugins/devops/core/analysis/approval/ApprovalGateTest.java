package io.jenkins.plugins.devops.core.analysis.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.analysis.testing.Contexts;
import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ApprovalGateTest {
    private static final ApprovalSpec PRODUCTION_ONLY = new ApprovalSpec(
            Set.of("production"),
            GatePoint.CONFIRM_PROMOTION,
            "Promote {{service}} {{revision}} to {{environment}}?",
            Set.of("release-managers"),
            Duration.ofMinutes(30));

    private static GateContext at(String environment, GatePoint point) {
        GateContext c = Contexts.at(point, "checkout", "shop");
        return new GateContext(
                c.deploymentId(),
                c.service(),
                environment,
                c.namespace(),
                c.strategy(),
                point,
                3,
                100,
                "v2",
                "v1",
                Map.of());
    }

    @Test
    void productionWaitsForTheApproverAndPassesWhenApproved() throws Exception {
        List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();
        ApprovalGate gate = new ApprovalGate(PRODUCTION_ONLY, (request, progress) -> {
            asked.add(request);
            return ApprovalDecision.approved("alice", "looks good");
        });

        GateResult result = gate.evaluate(at("production", GatePoint.CONFIRM_PROMOTION), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.reason()).isEqualTo("approved by alice: looks good");
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.message()).isEqualTo("Promote checkout v2 to production?");
            assertThat(request.approvers()).containsExactly("release-managers");
            assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(30));
            assertThat(request.id()).isEqualTo("devops-approval-deploy-42-confirm_promotion");
        });
    }

    @Test
    void rejectionFailsTheGate() throws Exception {
        ApprovalGate gate = new ApprovalGate(
                PRODUCTION_ONLY, (request, progress) -> ApprovalDecision.rejected("bob", "not during the sale"));

        GateResult result = gate.evaluate(at("production", GatePoint.CONFIRM_PROMOTION), m -> {});

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.reason()).isEqualTo("rejected by bob: not during the sale");
    }

    @Test
    void otherEnvironmentsAndPointsDoNotAsk() throws Exception {
        ApprovalGate gate = new ApprovalGate(PRODUCTION_ONLY, (request, progress) -> {
            throw new AssertionError("must not ask");
        });

        assertThat(gate.evaluate(at("staging", GatePoint.CONFIRM_PROMOTION), m -> {})
                        .verdict())
                .isEqualTo(Verdict.PASSED);
        assertThat(gate.evaluate(at("production", GatePoint.STEP), m -> {}).verdict())
                .isEqualTo(Verdict.PASSED);
        assertThat(gate.points()).containsExactly(GatePoint.CONFIRM_PROMOTION);
    }

    @Test
    void abortWhileWaitingPropagatesTheInterruption() {
        ApprovalGate gate = new ApprovalGate(PRODUCTION_ONLY, (request, progress) -> {
            throw new InterruptedException("build aborted");
        });

        assertThatThrownBy(() -> gate.evaluate(at("production", GatePoint.CONFIRM_PROMOTION), m -> {}))
                .isInstanceOf(InterruptedException.class);
    }
}
