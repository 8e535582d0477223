package io.jenkins.plugins.devops.core.gate;

import java.util.Set;

/**
 * Judges whether a deployment may go on. The engine calls every configured gate at each {@link GatePoint} the gate
 * takes part in; the first gate that does not pass stops the deployment.
 *
 * <p>Implementations must be safe to call from the engine's thread, must honour thread interruption (an aborted
 * deployment interrupts the gate) and must never put a secret into a {@link GateResult}.
 *
 * <pre>{@code
 * HealthGate alwaysPass = new HealthGate() {
 *     public String name() { return "always"; }
 *     public Set<GatePoint> points() { return EnumSet.of(GatePoint.STEP); }
 *     public GateResult evaluate(GateContext c, GateProgress p) { return GateResult.passed(name(), c, "ok"); }
 * };
 * }</pre>
 */
public interface HealthGate {
    /** A short stable name, used in results and progress lines. */
    String name();

    /** The points at which this gate is evaluated. */
    Set<GatePoint> points();

    /**
     * Evaluates the gate.
     *
     * @throws InterruptedException when the deployment is aborted while the gate waits
     */
    GateResult evaluate(GateContext context, GateProgress progress) throws InterruptedException;
}
