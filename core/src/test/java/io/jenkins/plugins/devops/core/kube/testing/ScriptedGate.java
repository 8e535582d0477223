package io.jenkins.plugins.devops.core.kube.testing;

import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateProgress;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * A gate that passes or fails on demand: it fails when its rule matches the context, can block (until the thread
 * is interrupted) to simulate a long analysis, and remembers every context it judged.
 *
 * <pre>{@code
 * ScriptedGate gate = ScriptedGate.passing();
 * ScriptedGate failAt50 = ScriptedGate.failingWhen(c -> c.weight() == 50, "error rate 7% above 1%");
 * }</pre>
 */
public final class ScriptedGate implements HealthGate {
    private final Predicate<GateContext> failWhen;
    private final String reason;
    private final List<GateContext> seen = new CopyOnWriteArrayList<>();
    private volatile Predicate<GateContext> blockWhen = c -> false;
    private final CountDownLatch blocked = new CountDownLatch(1);

    private ScriptedGate(Predicate<GateContext> failWhen, String reason) {
        this.failWhen = failWhen;
        this.reason = reason;
    }

    public static ScriptedGate passing() {
        return new ScriptedGate(c -> false, "");
    }

    public static ScriptedGate failingWhen(Predicate<GateContext> when, String reason) {
        return new ScriptedGate(when, reason);
    }

    /** Blocks evaluations that match until the engine's thread is interrupted (an abort). */
    public ScriptedGate blockingWhen(Predicate<GateContext> when) {
        blockWhen = when;
        return this;
    }

    /** Counts down when an evaluation starts blocking. */
    public CountDownLatch blocked() {
        return blocked;
    }

    public List<GateContext> seen() {
        return List.copyOf(seen);
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Set<GatePoint> points() {
        return EnumSet.allOf(GatePoint.class);
    }

    @Override
    public GateResult evaluate(GateContext context, GateProgress progress) throws InterruptedException {
        seen.add(context);
        if (blockWhen.test(context)) {
            blocked.countDown();
            new CountDownLatch(1).await();
        }
        progress.update("judging " + context.point() + " at " + context.weight() + "%");
        return failWhen.test(context)
                ? GateResult.failed(name(), context, reason)
                : GateResult.passed(name(), context, "ok");
    }
}
