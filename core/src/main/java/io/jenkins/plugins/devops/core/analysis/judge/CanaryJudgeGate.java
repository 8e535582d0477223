package io.jenkins.plugins.devops.core.analysis.judge;

import io.jenkins.plugins.devops.core.analysis.prometheus.InconclusivePolicy;
import io.jenkins.plugins.devops.core.analysis.prometheus.PrometheusClient;
import io.jenkins.plugins.devops.core.analysis.prometheus.QueryOutcome;
import io.jenkins.plugins.devops.core.analysis.template.Placeholders;
import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateProgress;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.Measurement;
import io.jenkins.plugins.devops.core.gate.Track;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges the canary against the baseline (the stable track) statistically, Kayenta style. A score at or above the
 * pass score passes; a marginal score lets an intermediate {@link GatePoint#STEP} continue but fails everywhere
 * else (the canary must finally pass); below the marginal score it fails.
 */
public final class CanaryJudgeGate implements HealthGate {
    private final CanaryJudgeSpec spec;
    private final PrometheusClient client;
    private final Clock clock;

    public CanaryJudgeGate(CanaryJudgeSpec spec, PrometheusClient client) {
        this(spec, client, Clock.systemUTC());
    }

    CanaryJudgeGate(CanaryJudgeSpec spec, PrometheusClient client, Clock clock) {
        this.spec = spec;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Set<GatePoint> points() {
        return spec.points();
    }

    @Override
    public GateResult evaluate(GateContext context, GateProgress progress) throws InterruptedException {
        if (!spec.points().contains(context.point())) {
            return GateResult.passed(name(), context, "the canary judge does not run at " + context.point());
        }
        Thread.sleep(spec.delay().toMillis());
        InconclusivePolicy policy = spec.inconclusive();
        int retriesLeft = policy.mode() == InconclusivePolicy.Mode.RETRY ? policy.retries() : 0;
        List<Measurement> measurements = new ArrayList<>();
        while (true) {
            Instant now = clock.instant();
            CanaryScore score = judge(context, now);
            score.metrics()
                    .forEach(m -> measurements.add(new Measurement(
                            m.metric(),
                            now,
                            m.pValue(),
                            m.failed() ? Verdict.FAILED : m.scored() ? Verdict.PASSED : Verdict.INCONCLUSIVE,
                            m.note())));
            String summary = score.metrics().stream()
                    .map(m -> m.metric() + " " + m.classification())
                    .collect(Collectors.joining(", "));
            if (!score.inconclusive()) {
                measurements.add(new Measurement("score", now, score.score(), verdictOf(score, context), summary));
                progress.update(String.format(Locale.ROOT, "canary judge score %.0f (%s)", score.score(), summary));
                return result(context, score, summary, measurements);
            }
            if (retriesLeft > 0) {
                retriesLeft--;
                progress.update("canary judge inconclusive (" + summary + "), judging again in "
                        + policy.retryInterval().toMillis() + " ms");
                Thread.sleep(policy.retryInterval().toMillis());
                continue;
            }
            boolean pass = policy.mode() == InconclusivePolicy.Mode.PASS;
            String reason = "canary judge inconclusive: no metric could be scored ("
                    + score.metrics().stream().map(MetricComparison::note).collect(Collectors.joining("; "))
                    + "); counted as " + (pass ? "passed" : "failed") + " (inconclusive policy: "
                    + policy.mode().label() + ")";
            return new GateResult(
                    name(),
                    context.point(),
                    context.weight(),
                    pass ? Verdict.PASSED : Verdict.FAILED,
                    reason,
                    measurements);
        }
    }

    private CanaryScore judge(GateContext context, Instant now) throws InterruptedException {
        MannWhitneyClassifier classifier = new MannWhitneyClassifier(spec.confidence());
        List<MetricComparison> comparisons = new ArrayList<>();
        for (JudgeMetricSpec metric : spec.metrics()) {
            QueryOutcome baseline = sample(metric, context, Track.STABLE, now);
            QueryOutcome canary = sample(metric, context, Track.CANARY, now);
            MetricComparison comparison = classifier.classify(metric, values(baseline), values(canary));
            if (comparison.classification() == Classification.NODATA) {
                // Say why there was no data: a query error or an unreachable Prometheus reads differently from none.
                comparison = comparison.withNoteAppended(problem(baseline) + problem(canary));
            }
            comparisons.add(comparison);
        }
        return CanaryScore.of(comparisons);
    }

    private QueryOutcome sample(JudgeMetricSpec metric, GateContext context, Track track, Instant now)
            throws InterruptedException {
        String query = Placeholders.render(metric.query(), Placeholders.of(context, track));
        return client.range(query, now.minus(spec.lookback()), now, spec.step());
    }

    private static double[] values(QueryOutcome outcome) {
        if (outcome instanceof QueryOutcome.Samples samples) {
            return samples.values().stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (outcome instanceof QueryOutcome.Value value) {
            return new double[] {value.value()};
        }
        return new double[0];
    }

    private static String problem(QueryOutcome outcome) {
        return outcome instanceof QueryOutcome.Inconclusive inconclusive ? " — " + inconclusive.reason() : "";
    }

    private Verdict verdictOf(CanaryScore score, GateContext context) {
        if (score.score() >= spec.passScore()) {
            return Verdict.PASSED;
        }
        if (score.score() >= spec.marginalScore() && context.point() == GatePoint.STEP) {
            return Verdict.PASSED;
        }
        return Verdict.FAILED;
    }

    private GateResult result(GateContext context, CanaryScore score, String summary, List<Measurement> all) {
        Verdict verdict = verdictOf(score, context);
        String reason;
        if (score.criticalFailure()) {
            String critical = score.metrics().stream()
                    .filter(m -> m.failed() && m.critical())
                    .map(MetricComparison::note)
                    .collect(Collectors.joining("; "));
            reason = "canary score 0: critical metric failed — " + critical;
        } else if (score.score() >= spec.passScore()) {
            reason = String.format(
                    Locale.ROOT,
                    "canary score %.0f reaches the pass score %.0f (%s)",
                    score.score(),
                    spec.passScore(),
                    summary);
        } else if (score.score() >= spec.marginalScore()) {
            reason = String.format(
                    Locale.ROOT,
                    "canary score %.0f is marginal (pass %.0f, marginal %.0f): %s (%s)",
                    score.score(),
                    spec.passScore(),
                    spec.marginalScore(),
                    verdict == Verdict.PASSED ? "continuing to the next step" : "not enough to promote",
                    summary);
        } else {
            String failing = score.metrics().stream()
                    .filter(MetricComparison::failed)
                    .map(MetricComparison::note)
                    .collect(Collectors.joining("; "));
            reason = String.format(
                    Locale.ROOT,
                    "canary score %.0f is below the marginal score %.0f — %s",
                    score.score(),
                    spec.marginalScore(),
                    failing);
        }
        return new GateResult(name(), context.point(), context.weight(), verdict, reason, all);
    }
}
