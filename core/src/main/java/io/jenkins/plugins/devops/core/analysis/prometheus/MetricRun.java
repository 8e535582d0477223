package io.jenkins.plugins.devops.core.analysis.prometheus;

import io.jenkins.plugins.devops.core.analysis.template.Placeholders;
import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GateProgress;
import io.jenkins.plugins.devops.core.gate.Measurement;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The state of one metric during one gate evaluation: what was measured and whether it is decided yet. */
final class MetricRun {
    private final MetricAnalysisSpec spec;
    private final PrometheusClient client;
    private final String query;
    private final List<Measurement> measurements = new ArrayList<>();
    private long nextDueMillis;
    private int taken;
    private int passed;
    private int failed;
    private int consecutivePasses;
    private Verdict outcome;
    private String reason = "";

    MetricRun(MetricAnalysisSpec spec, PrometheusClient client, GateContext context, long startMillis) {
        this.spec = spec;
        this.client = client;
        this.query = Placeholders.render(spec.query(), Placeholders.of(context, spec.track()));
        this.nextDueMillis = startMillis + spec.initialDelay().toMillis();
    }

    long nextDueMillis() {
        return nextDueMillis;
    }

    boolean decided() {
        return outcome != null;
    }

    Verdict outcome() {
        return outcome;
    }

    String reason() {
        return reason;
    }

    List<Measurement> measurements() {
        return measurements;
    }

    String progress() {
        return spec.name() + " " + passed + "/" + spec.count() + " passed";
    }

    /** Takes one measurement (with inconclusive retries) and decides the metric when it can. */
    void measure(Clock clock, GateProgress progress) throws InterruptedException {
        InconclusivePolicy policy = spec.inconclusive();
        int retriesLeft = policy.mode() == InconclusivePolicy.Mode.RETRY ? policy.retries() : 0;
        String note;
        boolean pass;
        while (true) {
            Instant now = clock.instant();
            QueryOutcome answer = client.instant(query, now);
            if (answer instanceof QueryOutcome.Value value) {
                Verdict verdict = spec.threshold().judge(value.value());
                note = spec.threshold().explain(value.value());
                measurements.add(new Measurement(spec.name(), now, value.value(), verdict, note));
                pass = verdict == Verdict.PASSED;
                break;
            }
            String problem = ((QueryOutcome.Inconclusive) answer).reason();
            if (retriesLeft > 0) {
                retriesLeft--;
                String retry = problem + "; measuring again in "
                        + policy.retryInterval().toMillis() + " ms (retry " + (policy.retries() - retriesLeft) + " of "
                        + policy.retries() + ")";
                measurements.add(new Measurement(spec.name(), now, Double.NaN, Verdict.INCONCLUSIVE, retry));
                progress.update("analysis " + spec.name() + " inconclusive: " + retry);
                Thread.sleep(policy.retryInterval().toMillis());
                continue;
            }
            pass = policy.mode() == InconclusivePolicy.Mode.PASS;
            String retried = policy.mode() == InconclusivePolicy.Mode.RETRY
                    ? "; still inconclusive after " + policy.retries() + " retries"
                    : "";
            note = problem + retried + "; counted as " + (pass ? "passed" : "failed") + " (inconclusive policy: "
                    + policy.mode().label() + ")";
            measurements.add(new Measurement(spec.name(), now, Double.NaN, Verdict.INCONCLUSIVE, note));
            break;
        }
        taken++;
        if (pass) {
            passed++;
            consecutivePasses++;
        } else {
            failed++;
            consecutivePasses = 0;
        }
        decide(note);
        nextDueMillis += spec.interval().toMillis();
    }

    private void decide(String lastNote) {
        if (failed > spec.failureLimit()) {
            outcome = Verdict.FAILED;
            reason = spec.name() + ": " + lastNote + " (" + failed + " of " + taken
                    + " measurements failed, failure limit " + spec.failureLimit() + ")";
        } else if (spec.consecutiveSuccessLimit() > 0 && consecutivePasses >= spec.consecutiveSuccessLimit()) {
            outcome = Verdict.PASSED;
            reason = spec.name() + ": " + consecutivePasses + " passes in a row (" + lastNote + ")";
        } else if (taken >= spec.count()) {
            if (spec.consecutiveSuccessLimit() > 0) {
                outcome = Verdict.FAILED;
                reason = spec.name() + ": never passed " + spec.consecutiveSuccessLimit() + " times in a row in "
                        + taken + " measurements";
            } else {
                outcome = Verdict.PASSED;
                reason = spec.name() + ": " + passed + "/" + taken + " measurements passed (" + lastNote + ")";
            }
        }
    }
}
