package io.jenkins.plugins.devops.core.analysis.prometheus;

import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateProgress;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.Measurement;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Analyses Prometheus metrics against thresholds at each gate point. All metrics run side by side on the caller's
 * thread: the next due measurement is taken, the rest wait. The first metric that fails ends the gate.
 *
 * <pre>{@code
 * HealthGate gate = new PrometheusAnalysisGate("prometheus-analysis", List.of(new MetricProbe(spec, client)));
 * GateResult result = gate.evaluate(context, message -> log.info(message));
 * }</pre>
 */
public final class PrometheusAnalysisGate implements HealthGate {
    private final String name;
    private final List<MetricProbe> probes;
    private final Clock clock;

    /** A metric and the client that queries its Prometheus. */
    public record MetricProbe(MetricAnalysisSpec spec, PrometheusClient client) {}

    public PrometheusAnalysisGate(String name, List<MetricProbe> probes) {
        this(name, probes, Clock.systemUTC());
    }

    PrometheusAnalysisGate(String name, List<MetricProbe> probes, Clock clock) {
        this.name = name;
        this.probes = List.copyOf(probes);
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<GatePoint> points() {
        Set<GatePoint> points = EnumSet.noneOf(GatePoint.class);
        probes.forEach(p -> points.addAll(p.spec().points()));
        return points;
    }

    @Override
    public GateResult evaluate(GateContext context, GateProgress progress) throws InterruptedException {
        long start = clock.millis();
        List<MetricRun> runs = probes.stream()
                .filter(p -> p.spec().points().contains(context.point()))
                .map(p -> new MetricRun(p.spec(), p.client(), context, start))
                .toList();
        if (runs.isEmpty()) {
            return GateResult.passed(name, context, "no metric is analysed at " + context.point());
        }
        List<Measurement> all = new ArrayList<>();
        List<MetricRun> open = new ArrayList<>(runs);
        while (!open.isEmpty()) {
            MetricRun next = open.stream()
                    .min(Comparator.comparingLong(MetricRun::nextDueMillis))
                    .orElseThrow();
            long wait = next.nextDueMillis() - clock.millis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            int before = next.measurements().size();
            next.measure(clock, progress);
            all.addAll(next.measurements().subList(before, next.measurements().size()));
            progress.update("analysis " + runs.stream().map(MetricRun::progress).collect(Collectors.joining(", ")));
            if (next.decided()) {
                open.remove(next);
                if (next.outcome() == Verdict.FAILED) {
                    return new GateResult(name, context.point(), context.weight(), Verdict.FAILED, next.reason(), all);
                }
            }
        }
        String reason = runs.stream().map(MetricRun::reason).collect(Collectors.joining("; "));
        return new GateResult(name, context.point(), context.weight(), Verdict.PASSED, reason, all);
    }
}
