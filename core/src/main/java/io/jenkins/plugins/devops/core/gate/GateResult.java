package io.jenkins.plugins.devops.core.gate;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of one gate at one {@link GatePoint}, with everything it measured.
 *
 * @param gate the gate's name (e.g. {@code prometheus}, {@code smoke-tests}, {@code readiness})
 * @param point where in the deployment it was evaluated
 * @param weight the canary/preview traffic weight at that moment (0-100)
 * @param verdict the overall verdict
 * @param reason one sentence a user can act on, e.g. "request-success-rate 97.1% is below the minimum 99%"
 * @param measurements every measurement taken, in order
 */
public record GateResult(
        String gate, GatePoint point, int weight, Verdict verdict, String reason, List<Measurement> measurements) {
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(verdict, "verdict");
        reason = reason == null ? "" : reason;
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    public static GateResult passed(String gate, GateContext context, String reason) {
        return new GateResult(gate, context.point(), context.weight(), Verdict.PASSED, reason, List.of());
    }

    public static GateResult failed(String gate, GateContext context, String reason) {
        return new GateResult(gate, context.point(), context.weight(), Verdict.FAILED, reason, List.of());
    }

    public boolean isPassed() {
        return verdict == Verdict.PASSED;
    }
}
