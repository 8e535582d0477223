package io.jenkins.plugins.devops.cli;

import io.jenkins.plugins.devops.core.deploy.PhaseRecord;
import io.jenkins.plugins.devops.core.deploy.ProgressListener;
import io.jenkins.plugins.devops.core.gate.GateResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a deployment's progress as it happens, one line per event, e.g.
 *
 * <pre>
 * [1/3] canary 10%
 *       Deployment/checkout-canary: 1/1 pods ready
 *       gate readiness: PASSED — 1/1 pods ready
 * [1/3] canary 10%: passed (2.1 s)
 * </pre>
 */
final class ProgressPrinter implements ProgressListener {
    private final PrintWriter out;
    private final Map<String, String> lastReady = new HashMap<>();

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void phaseStarted(String phase, int index, int phaseCount) {
        line("[" + (index + 1) + "/" + phaseCount + "] " + phase);
    }

    @Override
    public void phaseFinished(PhaseRecord phase) {
        Duration took = Duration.between(phase.startedAt(), phase.finishedAt());
        line("      " + phase.name() + ": " + phase.result() + " ("
                + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0) + ")");
    }

    @Override
    public void weightChanged(int weight) {
        line("      traffic to the new version: " + weight + "%");
    }

    @Override
    public void podsReady(String deployment, int ready, int desired) {
        // The engine reports on every watch event; repeat a count only when it changed.
        String count = ready + "/" + desired;
        if (!count.equals(lastReady.put(deployment, count))) {
            line("      Deployment/" + deployment + ": " + count + " pods ready");
        }
    }

    @Override
    public void gateEvaluated(GateResult result) {
        line("      gate " + result.gate() + ": " + result.verdict()
                + (result.reason().isEmpty() ? "" : " — " + result.reason()));
    }

    @Override
    public void message(String text) {
        text.lines().forEach(l -> line("      " + l));
    }

    private void line(String text) {
        out.println(text);
        out.flush();
    }
}
